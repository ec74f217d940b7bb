import type { Unit } from './admin-types.js';

/** 所在单位: a user's unit, or none (administrators, workers); the id beside the name, as the API keys users by it. */
export function UnitSelect(props: { units: readonly Unit[]; value: string | null; onChange: (unitId: string | null) => void }) {
  return (
    <label class="field">
      <span>所在单位</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || null)}>
        <option value="">（无单位）</option>
        {props.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}（{u.id}）
          </option>
        ))}
      </select>
    </label>
  );
}
