/** One form field with the control its type calls for, its mark and message when wrong. */
import { formatDateTime } from '../format.js';
import { isLongText, isMultiUnitField, isUnitField, type FormFieldDef } from './form-fields.js';

export interface UnitOption {
  id: string;
  name: string;
  /** null: a unit of every region (the hotline office, the city platform, …). */
  regionId: string | null;
}

interface Props {
  field: FormFieldDef;
  value: string;
  problem: string | undefined;
  units: UnitOption[];
  disabled: boolean;
  onChange: (text: string) => void;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function FieldControl({ field, value, problem, units, disabled, onChange }: Props) {
  const cls = `field${field.required && !field.readonly ? ' required' : ''}${problem ? ' invalid' : ''}${field.readonly ? ' readonly' : ''}`;
  const errorId = `tf-${field.id}-error`;
  const aria = { 'aria-invalid': problem ? true : undefined, 'aria-describedby': problem ? errorId : undefined, 'data-field': field.id };
  // Not a <span>: the stylesheet stars a required field's `> span` (its label).
  const error = problem && (
    <small class="field-error" id={errorId}>
      {problem}
    </small>
  );

  if (field.readonly) {
    // Shown for reference (the deadline, the reason given earlier), never sent.
    const shown = ISO_INSTANT.test(value) ? formatDateTime(value) : value || '—';
    return (
      <div class={cls}>
        <span>{field.label}</span>
        <output aria-label={field.label}>{shown}</output>
      </div>
    );
  }

  if (field.type === 'boolean' || (field.type === 'enum' && field.options.length <= 4)) {
    const options = field.type === 'boolean' ? [{ id: 'true', name: '是' }, { id: 'false', name: '否' }] : field.options;
    return (
      <div class={`${cls} wide`} role="radiogroup" aria-label={field.label} aria-required={field.required} {...{ 'aria-invalid': aria['aria-invalid'], 'aria-describedby': aria['aria-describedby'] }}>
        <span>{field.label}</span>
        <div class="choices">
          {options.map((o, i) => (
            <label key={o.id}>
              <input type="radio" name={`tf-${field.id}`} value={o.id} checked={value === o.id} disabled={disabled} data-field={i === 0 ? field.id : undefined} onChange={() => onChange(o.id)} />
              {o.name}
            </label>
          ))}
        </div>
        {error}
      </div>
    );
  }

  if (field.type === 'enum') {
    return (
      <label class={`${cls} wide`}>
        <span>{field.label}</span>
        <select value={value} disabled={disabled} {...aria} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">请选择</option>
          {field.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        {error}
      </label>
    );
  }

  if (isUnitField(field)) {
    const multiple = isMultiUnitField(field);
    const chosen = value.split(',').map((s) => s.trim()).filter(Boolean);
    // A value no unit has (typed by hand in an older order) stays visible instead of vanishing.
    const known = new Set(units.map((u) => u.id));
    const extra = chosen.filter((id) => !known.has(id)).map((id) => ({ id, name: id, regionId: null }));
    // The region's own handling units first; the offices every region shares after them.
    const groups: [string, UnitOption[]][] = [
      ['本地承办单位', units.filter((u) => u.regionId !== null)],
      ['通用机构', units.filter((u) => u.regionId === null)],
      ['其他', extra],
    ];
    return (
      <label class={cls}>
        <span>{field.label}</span>
        <select
          multiple={multiple}
          size={multiple ? 4 : undefined}
          value={multiple ? undefined : value}
          disabled={disabled}
          {...aria}
          onChange={(e) => onChange(multiple ? [...e.currentTarget.selectedOptions].map((o) => o.value).join(',') : e.currentTarget.value)}
        >
          {!multiple && <option value="">请选择单位</option>}
          {groups.map(([label, list]) =>
            list.length === 0 ? null : (
              <optgroup key={label} label={label}>
                {list.map((u) => (
                  <option key={u.id} value={u.id} selected={multiple ? chosen.includes(u.id) : undefined}>
                    {u.name}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
        {error}
      </label>
    );
  }

  if (field.type === 'string' && isLongText(field)) {
    return (
      <label class={`${cls} wide`}>
        <span>{field.label}</span>
        <textarea rows={3} value={value} disabled={disabled} minLength={field.minLength ?? undefined} maxLength={field.maxLength ?? undefined} {...aria} onInput={(e) => onChange(e.currentTarget.value)} />
        {error}
      </label>
    );
  }

  const type = field.type === 'date' ? 'date' : field.type === 'long' ? 'number' : 'text';
  return (
    <label class={cls}>
      <span>{field.label}</span>
      <input
        type={type}
        value={value}
        disabled={disabled}
        step={field.type === 'long' ? 1 : undefined}
        min={field.min ?? undefined}
        max={field.max ?? undefined}
        {...aria}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
      {error}
    </label>
  );
}
