/**
 * 流程管理: each region's process versions, which one its new work orders start, and the
 * audited switches between them. Opening, comparing and deploying change nothing a region runs;
 * only 启用 and 回滚 do, each after a confirmation with a reason that the activation log keeps.
 */
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { useApi } from '../../shared/use-api.js';
import { ConfirmDialog, Empty, ErrorBanner, Loading, Notice, Page } from '../../shared/components.js';
import { formatDateTime } from '../../shared/format.js';
import type { Activation, ProcessDefinition, Region } from './types.js';

type Pending = { kind: 'activate'; region: Region; definition: ProcessDefinition } | { kind: 'rollback'; region: Region; target: ProcessDefinition | undefined };

export function ProcessLibraryPage() {
  const regions = useApi<Region[]>('/api/regions');
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Bumped after a switch so every region's history reloads with the regions list.
  const [generation, setGeneration] = useState(0);

  const confirm = async (reason: string) => {
    if (!pending) return;
    const { region } = pending;
    setError(null);
    try {
      const activation =
        pending.kind === 'activate'
          ? await api<Activation>(`/api/regions/${encodeURIComponent(region.id)}/activate`, { body: { definitionId: pending.definition.id, reason } })
          : await api<Activation>(`/api/regions/${encodeURIComponent(region.id)}/rollback`, { body: { reason } });
      setDone(`${region.name}已${pending.kind === 'activate' ? '启用' : '回滚到'}「${activation.definitionName ?? activation.definitionKey}」版本 ${activation.definitionVersion}，新受理的工单按此版本办理；在办工单仍按原版本办结。`);
    } catch (e) {
      setError(e);
    }
    setPending(null);
    regions.reload();
    setGeneration((g) => g + 1);
  };

  return (
    <Page title="流程管理" actions={<a class="button" href="#/admin/modeler/new">新建流程</a>}>
      <p class="hint">部署新版本不会改变区县正在使用的流程；须在此处「启用」并填写原因后，新受理的工单才按新版本办理。</p>
      {done && <Notice>{done}</Notice>}
      <ErrorBanner error={error ?? regions.error} />
      {regions.loading && !regions.data && <Loading />}
      {regions.data?.length === 0 && <Empty>尚无区县。</Empty>}
      {regions.data?.map((region) => (
        <RegionPanel
          key={`${region.id}:${generation}`}
          region={region}
          onActivate={(definition) => setPending({ kind: 'activate', region, definition })}
          onRollback={(target) => setPending({ kind: 'rollback', region, target })}
        />
      ))}
      <ConfirmDialog
        key={pending ? `${pending.kind}:${pending.region.id}:${pending.kind === 'activate' ? pending.definition.id : ''}` : 'closed'}
        open={pending !== null}
        title={pending?.kind === 'rollback' ? '确认回滚' : '确认启用'}
        confirmLabel={pending?.kind === 'rollback' ? '确认回滚' : '确认启用'}
        reasonLabel={pending?.kind === 'rollback' ? '回滚原因' : '启用原因'}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === 'activate' && (
          <p>
            {pending.region.name}新受理的工单将按「{pending.definition.name ?? pending.definition.key}」版本 {pending.definition.version} 办理
            {pending.region.active && <>（当前为版本 {pending.region.active.definitionVersion}）</>}。在办工单不受影响。
          </p>
        )}
        {pending?.kind === 'rollback' && (
          <p>
            {pending.region.name}新受理的工单将回到
            {pending.target ? `「${pending.target.name ?? pending.target.key}」版本 ${pending.target.version}` : '上一次启用的流程版本'}
            {pending.region.active && <>（当前为版本 {pending.region.active.definitionVersion}）</>}。在办工单不受影响。
          </p>
        )}
      </ConfirmDialog>
    </Page>
  );
}

function RegionPanel({ region, onActivate, onRollback }: { region: Region; onActivate: (d: ProcessDefinition) => void; onRollback: (target: ProcessDefinition | undefined) => void }) {
  const definitions = useApi<ProcessDefinition[]>('/engine-rest/process-definition', { tenantIdIn: region.id, sortBy: 'version', sortOrder: 'desc' });
  const history = useApi<Activation[]>(`/api/regions/${encodeURIComponent(region.id)}/activations`, { maxResults: 10 });
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const compareHref = () => {
    const byVersion = (definitions.data ?? []).filter((d) => picked.includes(d.id)).sort((a, b) => a.version - b.version);
    return `#/admin/diff/${encodeURIComponent(byVersion[0]!.id)}/${encodeURIComponent(byVersion[1]!.id)}`;
  };

  return (
    <section class="panel region-panel" aria-label={region.name}>
      <header class="region-header">
        <h2>
          {region.name} <span class="muted">{region.id}</span>
        </h2>
        <span class="region-active">
          {region.active ? (
            <>
              当前启用：{region.active.definitionName ?? region.active.definitionKey} 版本 {region.active.definitionVersion}
            </>
          ) : (
            <span class="tag overdue">未启用流程</span>
          )}
        </span>
        <div class="region-actions">
          <a class={`button${picked.length === 2 ? '' : ' disabled'}`} aria-disabled={picked.length !== 2} href={picked.length === 2 ? compareHref() : undefined}>
            比较所选版本
          </a>
          <a class="button" href={`#/admin/modeler/new?region=${encodeURIComponent(region.id)}`}>
            新建流程
          </a>
          <button type="button" class="danger" disabled={!region.active?.previousDefinitionId} onClick={() => onRollback(definitions.data?.find((d) => d.id === region.active?.previousDefinitionId))}>
            回滚
          </button>
        </div>
      </header>
      <ErrorBanner error={definitions.error} />
      {definitions.loading && !definitions.data && <Loading />}
      {definitions.data?.length === 0 && <Empty>该区县尚未部署流程。</Empty>}
      {definitions.data && definitions.data.length > 0 && (
        <table class="data versions">
          <thead>
            <tr>
              <th>比较</th>
              <th>流程名称</th>
              <th>流程标识</th>
              <th>版本</th>
              <th>状态</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {definitions.data.map((d) => {
              const active = region.active?.definitionId === d.id;
              return (
                <tr key={d.id} data-version={d.version} data-key={d.key} class={active ? 'active-version' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={`选择 ${d.key} 版本 ${d.version} 比较`} checked={picked.includes(d.id)} onChange={() => toggle(d.id)} />
                  </td>
                  <td>{d.name ?? '（未命名）'}</td>
                  <td>
                    <code>{d.key}</code>
                  </td>
                  <td class="num">版本 {d.version}</td>
                  <td>{active ? <span class="tag ok">当前启用</span> : <span class="tag">未启用</span>}</td>
                  <td class="row-actions">
                    <a class="button" href={`#/admin/modeler/${encodeURIComponent(d.id)}`}>
                      打开
                    </a>
                    <button type="button" disabled={active} onClick={() => onActivate(d)}>
                      启用
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <details class="activation-log" open={(history.data?.length ?? 0) > 0}>
        <summary>启用记录</summary>
        <ErrorBanner error={history.error} />
        {history.data?.length === 0 && <Empty>暂无启用记录。</Empty>}
        {history.data && history.data.length > 0 && (
          <table class="data" aria-label={`${region.name}启用记录`}>
            <thead>
              <tr>
                <th>时间</th>
                <th>操作</th>
                <th>版本</th>
                <th>操作人</th>
                <th>原因</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((a) => (
                <tr key={a.id}>
                  <td>{formatDateTime(a.activatedAt)}</td>
                  <td>{a.kind === 'rollback' ? '回滚' : '启用'}</td>
                  <td>
                    {a.definitionKey} 版本 {a.definitionVersion}
                  </td>
                  <td>{a.activatedBy ?? '系统'}</td>
                  <td>{a.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </section>
  );
}
