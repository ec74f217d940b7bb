/**
 * "3 个工作日后是哪天？": GET …/deadline, computed exactly as deadline('3wd') in a diagram.
 * Earlier answers stay listed, so the effect of a calendar change can be compared.
 */
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorBanner } from '../../shared/components.js';
import { formatDateTime } from '../../shared/format.js';
import { calendarPath, type DeadlinePreview as Preview, type DeadlineUnit } from './calendar-types.js';

const UNIT_NAMES: Record<DeadlineUnit, string> = { workingDays: '个工作日', naturalDays: '个自然日', hours: '小时' };

export function DeadlinePreview(props: { region: string }) {
  const [amount, setAmount] = useState('3');
  const [unit, setUnit] = useState<DeadlineUnit>('workingDays');
  const [start, setStart] = useState('');
  const [results, setResults] = useState<Preview[]>([]);
  const [error, setError] = useState<unknown>(null);

  const preview = async () => {
    setError(null);
    try {
      // A datetime-local value has no offset; the service refuses those, so say China time.
      const query = { amount: amount.trim(), unit, start: start ? `${start}:00+08:00` : undefined };
      const answer = await api<Preview>(calendarPath(props.region, '/deadline'), { query });
      setResults((r) => [answer, ...r].slice(0, 5));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      aria-label="时限预览"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void preview();
      }}
    >
      <h2>时限预览</h2>
      <div class="toolbar">
        <label class="field">
          <span>时限</span>
          <input class="amount" value={amount} inputMode="decimal" onInput={(e) => setAmount(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>单位</span>
          <select value={unit} onChange={(e) => setUnit(e.currentTarget.value as DeadlineUnit)}>
            {(Object.keys(UNIT_NAMES) as DeadlineUnit[]).map((u) => (
              <option key={u} value={u}>
                {UNIT_NAMES[u]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>起算时间（空为现在）</span>
          <input type="datetime-local" value={start} onInput={(e) => setStart(e.currentTarget.value)} />
        </label>
        <div class="field button-field">
          <span>&nbsp;</span>
          <button type="submit" class="primary">
            计算截止时间
          </button>
        </div>
      </div>
      <ErrorBanner error={error} />
      {results.length > 0 && (
        <table class="data" aria-label="预览结果">
          <thead>
            <tr>
              <th>起算</th>
              <th>时限</th>
              <th>截止</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r, i) => (
              <tr key={i} class={i === 0 ? 'latest' : 'earlier'}>
                <td>{formatDateTime(r.start)}</td>
                <td>
                  {r.amount} {UNIT_NAMES[r.unit]}（{r.spec}）
                </td>
                <td data-testid={i === 0 ? 'deadline-due' : undefined} data-due={r.due}>
                  {formatDateTime(r.due)}
                  {i === 0 && results[1] && results[1].due !== r.due && <span class="tag due-soon">与上次不同</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
