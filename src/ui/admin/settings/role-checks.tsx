/** The roles as checkboxes, each with its Chinese name (the meaning is the legend's). */
import type { Role } from '../../shared/session.js';
import { ROLE_INFO } from './admin-types.js';

export function RoleChecks(props: { value: Role[]; onChange: (roles: Role[]) => void; legend?: string }) {
  return (
    <fieldset class="role-checks">
      <legend>{props.legend ?? '角色'}</legend>
      {ROLE_INFO.map((r) => (
        <label key={r.role} title={r.meaning}>
          <input
            type="checkbox"
            checked={props.value.includes(r.role)}
            onChange={(e) => props.onChange(e.currentTarget.checked ? [...props.value, r.role] : props.value.filter((x) => x !== r.role))}
          />
          {r.name}
        </label>
      ))}
    </fieldset>
  );
}

export function RolesLegend() {
  return (
    <dl class="roles-legend" aria-label="角色说明">
      {ROLE_INFO.map((r) => (
        <div key={r.role}>
          <dt>{r.name}</dt>
          <dd>{r.meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
