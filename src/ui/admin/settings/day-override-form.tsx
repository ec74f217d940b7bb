/**
 * One date's single-day override: what the calendar makes of the date now, and set / change /
 * remove the region's override. Every change asks first: it moves the deadlines computed
 * after it (existing tasks keep theirs, docs/calendar.md).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ConfirmDialog, ErrorBanner, Notice } from '../../shared/components.js';
import { useApi } from '../../shared/use-api.js';
import { calendarPath, DECIDED_BY_NAMES, EFFECTIVE_KIND_NAMES, OVERRIDE_KIND_NAMES, type DayView, type OverrideKind } from './calendar-types.js';

type Pending = { action: 'put'; kind: OverrideKind; note: string } | { action: 'delete' } | null;

export function DayOverrideForm(props: { region: string; date: string; onDate: (date: string) => void; onChanged: () => void }) {
  const day = useApi<DayView>(props.date ? calendarPath(props.region, `/days/${props.date}`) : null);
  const [kind, setKind] = useState<OverrideKind>('holiday');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  // Start from the date's own override, so "change" edits what is there.
  useEffect(() => {
    const o = day.data?.override;
    setKind(o?.kind ?? 'holiday');
    setNote(o?.note ?? '');
  }, [day.data]);

  const run = async (p: NonNullable<Pending>) => {
    setPending(null);
    setError(null);
    setDone(null);
    try {
      if (p.action === 'put') {
        await api(calendarPath(props.region, `/days/${props.date}`), { method: 'PUT', body: p.note ? { kind: p.kind, note: p.note } : { kind: p.kind } });
        setDone(`已保存 ${props.date} 的本地设置`);
      } else {
        await api(calendarPath(props.region, `/days/${props.date}`), { method: 'DELETE' });
        setDone(`已删除 ${props.date} 的本地设置`);
      }
      day.reload();
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  };

  const current = day.data;
  return (
    <>
      <form
        class="day-override-form"
        aria-label="单日设置"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setPending({ action: 'put', kind, note: note.trim() });
        }}
      >
        <h2>单日设置</h2>
        <label class="field">
          <span>日期</span>
          <input type="date" value={props.date} onInput={(e) => props.onDate(e.currentTarget.value)} />
        </label>
        {current && (
          <p class="day-state" data-testid="day-state">
            当前：
            {current.effective ? (
              <>
                <strong>{current.effective.working ? '上班' : '休息'}（{EFFECTIVE_KIND_NAMES[current.effective.kind]}）</strong>，依据{DECIDED_BY_NAMES[current.effective.decidedBy]}
              </>
            ) : (
              <strong>该年未载入节假日安排</strong>
            )}
            {current.override ? `；本地设置为「${OVERRIDE_KIND_NAMES[current.override.kind]}」` : '；无本地设置'}
          </p>
        )}
        <ErrorBanner error={day.error} />
        <label class="field">
          <span>设置为</span>
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as OverrideKind)}>
            {(Object.keys(OVERRIDE_KIND_NAMES) as OverrideKind[]).map((k) => (
              <option key={k} value={k}>
                {OVERRIDE_KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>说明</span>
          <input value={note} maxLength={200} placeholder="如：县政府通知临时放假" onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <div class="toolbar">
          <button type="submit" class="primary" disabled={!props.date}>
            {current?.override ? '修改本地设置' : '添加本地设置'}
          </button>
          {current?.override && (
            <button type="button" class="danger" onClick={() => setPending({ action: 'delete' })}>
              删除本地设置
            </button>
          )}
        </div>
        <ErrorBanner error={error} />
        {done && <Notice>{done}</Notice>}
      </form>
      <ConfirmDialog
        open={pending !== null}
        title={pending?.action === 'delete' ? '删除单日设置' : '保存单日设置'}
        confirmLabel={pending?.action === 'delete' ? '确认删除' : '确认保存'}
        onConfirm={() => pending && void run(pending)}
        onCancel={() => setPending(null)}
      >
        <p>
          {pending?.action === 'delete'
            ? `删除 ${props.region} 区域 ${props.date} 的本地设置，该日恢复按节假日安排计算。`
            : pending
              ? `将 ${props.region} 区域 ${props.date} 设置为「${OVERRIDE_KIND_NAMES[pending.kind]}」。`
              : ''}
        </p>
        <p class="muted">此后计算的办理时限（含在办工单新生成的环节）将按新日历计算，已生成的时限不变。</p>
      </ConfirmDialog>
    </>
  );
}
