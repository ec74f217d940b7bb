/**
 * Units (单位): a unit's id is the candidate group its tasks are offered to, so it is chosen
 * once and never changes; its name, kind and region can be changed. Units are never deleted.
 */
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorBanner, Notice } from '../../shared/components.js';
import { UNIT_KIND_NAMES, type RegionRow, type Unit, type UnitKind } from './admin-types.js';

function KindSelect(props: { value: UnitKind; onChange: (k: UnitKind) => void }) {
  return (
    <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as UnitKind)}>
      {(Object.keys(UNIT_KIND_NAMES) as UnitKind[]).map((k) => (
        <option key={k} value={k}>
          {UNIT_KIND_NAMES[k]}
        </option>
      ))}
    </select>
  );
}

function RegionSelect(props: { regions: RegionRow[]; value: string | null; onChange: (r: string | null) => void }) {
  const ids = [...new Set([...props.regions.map((r) => r.id), ...(props.value ? [props.value] : [])])];
  return (
    <select value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || null)}>
      <option value="">全部区域</option>
      {ids.map((id) => (
        <option key={id} value={id}>
          {props.regions.find((r) => r.id === id)?.name ?? id}
        </option>
      ))}
    </select>
  );
}

export function UnitsPanel(props: { units: Unit[]; regions: RegionRow[]; onChanged: () => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('department');
  const [regionId, setRegionId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Unit | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const create = async () => {
    setError(null);
    setDone(null);
    try {
      const unit = await api<Unit>('/api/units', { method: 'POST', body: { id, name, kind, regionId } });
      setDone(`已新建单位「${unit.name}」（${unit.id}）`);
      setId('');
      setName('');
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  };

  const save = async (unit: Unit) => {
    setError(null);
    setDone(null);
    try {
      await api<Unit>(`/api/units/${encodeURIComponent(unit.id)}`, { method: 'PATCH', body: { name: unit.name, kind: unit.kind, regionId: unit.regionId } });
      setDone(`已保存单位「${unit.name}」`);
      setEditing(null);
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="panel" aria-label="单位">
      <h2>单位</h2>
      <form
        class="toolbar"
        aria-label="新建单位"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label class="field required">
          <span>单位编码</span>
          <input value={id} placeholder="如 water（即任务候选组）" onInput={(e) => setId(e.currentTarget.value)} />
        </label>
        <label class="field required">
          <span>单位名称</span>
          <input value={name} placeholder="如 县水利局" onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>类别</span>
          <KindSelect value={kind} onChange={setKind} />
        </label>
        <label class="field">
          <span>所属区域</span>
          <RegionSelect regions={props.regions} value={regionId} onChange={setRegionId} />
        </label>
        <div class="field button-field">
          <span>&nbsp;</span>
          <button type="submit" class="primary">
            新建单位
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
      {done && <Notice>{done}</Notice>}
      <table class="data" aria-label="单位列表">
        <thead>
          <tr>
            <th>编码</th>
            <th>名称</th>
            <th>类别</th>
            <th>区域</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.units.map((u) =>
            editing?.id === u.id ? (
              <tr key={u.id} aria-label={`修改单位 ${u.id}`}>
                <td>{u.id}</td>
                <td>
                  <input aria-label="单位名称" value={editing.name} onInput={(e) => setEditing({ ...editing, name: e.currentTarget.value })} />
                </td>
                <td>
                  <KindSelect value={editing.kind} onChange={(k) => setEditing({ ...editing, kind: k })} />
                </td>
                <td>
                  <RegionSelect regions={props.regions} value={editing.regionId} onChange={(r) => setEditing({ ...editing, regionId: r })} />
                </td>
                <td>
                  <button type="button" class="primary" onClick={() => void save(editing)}>
                    保存
                  </button>{' '}
                  <button type="button" onClick={() => setEditing(null)}>
                    取消
                  </button>
                </td>
              </tr>
            ) : (
              <tr key={u.id} data-unit={u.id}>
                <td>{u.id}</td>
                <td>{u.name}</td>
                <td>{UNIT_KIND_NAMES[u.kind] ?? u.kind}</td>
                <td>{u.regionId ? (props.regions.find((r) => r.id === u.regionId)?.name ?? u.regionId) : '全部区域'}</td>
                <td>
                  <button type="button" class="link" aria-label={`修改 ${u.name}`} onClick={() => setEditing(u)}>
                    修改
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </section>
  );
}
