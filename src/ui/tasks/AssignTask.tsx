/**
 * 指派: a unit head hands one of the unit's tasks to a colleague (a dispatcher or administrator,
 * to a member of the unit the order is with). The service decides who may assign
 * (src/access/assignment.ts); the page only offers it to those roles and lists the unit's people
 * from GET /api/units/{id}/members.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorBanner } from '../shared/components.js';
import { hasRole, useSession } from '../shared/session.js';
import { assign } from './task-api.js';

interface Member {
  username: string;
  displayName: string;
  roles: string[];
}

export function AssignTask(props: { taskId: string; assignee: string | null; orderUnit: string | null; onAssigned: () => void }) {
  const session = useSession();
  const unit = hasRole(session, 'administrator', 'dispatcher') ? (props.orderUnit ?? session?.user.unitId ?? null) : hasRole(session, 'unit-head') ? (session?.user.unitId ?? null) : null;
  const [members, setMembers] = useState<Member[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!unit) return;
    api<Member[]>(`/api/units/${encodeURIComponent(unit)}/members`).then(setMembers, setError);
  }, [unit]);
  if (!unit) return null;
  const others = (members ?? []).filter((m) => m.username !== props.assignee);
  return (
    <form
      class="task-assign"
      aria-label="指派"
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen) return;
        setError(null);
        assign(props.taskId, chosen).then(() => {
          setChosen('');
          props.onAssigned();
        }, setError);
      }}
    >
      <label class="field">
        <span>指派给本单位人员</span>
        <select value={chosen} onChange={(e) => setChosen(e.currentTarget.value)} aria-label="指派给">
          <option value="">请选择</option>
          {others.map((m) => (
            <option key={m.username} value={m.username}>
              {m.displayName}（{m.username}）
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!chosen}>
        指派
      </button>
      <ErrorBanner error={error} />
    </form>
  );
}
