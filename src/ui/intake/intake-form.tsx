/**
 * 工单登记: the whole registration form of POST /api/work-orders, for every channel. The page
 * refuses what the service would refuse (required fields, formats, the form's own rules) before
 * sending; what only the service knows comes back as its 400 and is shown as it comes, with the
 * field it names marked. One Idempotency-Key per filled-in form, kept until the service has
 * registered it: a double click or a retry after a lost answer registers one order.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { ErrorBanner } from '../shared/components.js';
import { serverNow } from '../shared/clock.js';
import {
  CATEGORIES, CHANNELS, CHANNEL_NEEDS, LABELS, REQUESTER_TYPES, URGENCIES,
  emptyDraft, fieldOfServiceError, toBody, validate,
  type FieldErrors, type FieldName, type IntakeDraft,
} from './intake-form-model.js';

export interface Region {
  id: string;
  name: string;
  active: { definitionName: string | null; definitionKey: string } | null;
}

export interface Unit {
  id: string;
  name: string;
  kind: string;
  regionId: string | null;
}

/** What the service answers about the registered order (the fields this page reads). */
/** Units that handle orders; offices and commissions only work the schemes' own steps. */
const HANDLING_KINDS = new Set(['department', 'township', 'other']);

export interface RegisteredOrder {
  id: string;
  number: string;
  region: string;
  status: string;
  statusCode: string;
  content: string;
  category: string;
  processInstanceId: string;
  currentUnit: string | null;
  handlingUnit: string | null;
  dueAt: string | null;
}

interface Props {
  regions: Region[];
  units: Unit[];
  /** A region-bound user registers for this region only. */
  fixedRegion: string | null;
  onContentChange: (content: string, category: string) => void;
  onRegistered: (order: RegisteredOrder) => void;
}

export function IntakeForm({ regions, units, fixedRegion, onContentChange, onRegistered }: Props) {
  const active = regions.filter((r) => r.active);
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(fixedRegion ?? (active.length === 1 ? active[0]!.id : '')));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serviceError, setServiceError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const key = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const needs = CHANNEL_NEEDS[draft.channel || 'hotline'];
  const regionUnits = useMemo(() => units.filter((u) => HANDLING_KINDS.has(u.kind) && (u.regionId === null || u.regionId === draft.region)), [units, draft.region]);

  const set = <K extends FieldName>(name: K, value: IntakeDraft[K]) => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    if (errors[name]) setErrors({ ...errors, [name]: undefined });
    if (name === 'content' || name === 'category') onContentChange(next.content, next.category);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    const found = validate(draft, serverNow());
    setErrors(found);
    setServiceError(null);
    if (Object.keys(found).length) {
      formRef.current?.querySelector<HTMLElement>('.field.invalid input, .field.invalid select, .field.invalid textarea')?.focus();
      return;
    }
    key.current ??= crypto.randomUUID();
    setSending(true);
    try {
      const order = await api<RegisteredOrder>('/api/work-orders', { method: 'POST', body: toBody(draft), headers: { 'Idempotency-Key': key.current } });
      key.current = null;
      setDraft(emptyDraft(draft.region));
      onContentChange('', '');
      onRegistered(order);
    } catch (err) {
      // No answer at all (connection lost): the order may be registered already; the kept key makes a retry safe.
      setServiceError(err instanceof ApiError ? err : new Error('网络中断，未收到服务答复。请再次提交：同一张登记表不会重复登记。'));
      const field = err instanceof ApiError && err.status === 400 ? fieldOfServiceError(err.message) : undefined;
      if (field) setErrors({ [field]: '服务拒绝，见上方提示' });
    } finally {
      setSending(false);
    }
  };

  const text = (name: FieldName, label: string, opts: { required?: boolean; type?: string; placeholder?: string; wide?: boolean } = {}) => (
    <Field name={name} label={label} required={opts.required} error={errors[name]} wide={opts.wide}>
      <input
        name={name}
        type={opts.type ?? 'text'}
        value={draft[name] as string}
        placeholder={opts.placeholder}
        aria-invalid={errors[name] ? 'true' : undefined}
        onInput={(e) => set(name, e.currentTarget.value)}
      />
    </Field>
  );

  return (
    <form ref={formRef} class="panel intake-form" aria-label="工单登记" noValidate onSubmit={submit}>
      <h2>工单登记</h2>
      <ErrorBanner error={serviceError} />
      <div class="intake-grid">
        <Field name="region" label={LABELS.region} required error={errors.region}>
          <select name="region" value={draft.region} disabled={!!fixedRegion} onChange={(e) => set('region', e.currentTarget.value)}>
            <option value="">请选择</option>
            {active.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        </Field>
        <Field name="channel" label={LABELS.channel} required error={errors.channel}>
          <select name="channel" value={draft.channel} onChange={(e) => set('channel', e.currentTarget.value as IntakeDraft['channel'])}>
            {CHANNELS.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </select>
        </Field>
        <Field name="requestedAt" label={needs.timeLabel} required={needs.timeRequired} error={errors.requestedAt}>
          <input name="requestedAt" type="datetime-local" value={draft.requestedAt} title={needs.timeRequired ? undefined : '不填即为登记时间'} onInput={(e) => set('requestedAt', e.currentTarget.value)} />
        </Field>

        <Field name="requesterType" label={LABELS.requesterType} required>
          <select name="requesterType" value={draft.requesterType} onChange={(e) => set('requesterType', e.currentTarget.value as IntakeDraft['requesterType'])}>
            {REQUESTER_TYPES.map((t) => (
              <option key={t.code} value={t.code}>{t.name}</option>
            ))}
          </select>
        </Field>
        {text('requesterName', draft.requesterType === 'unit' ? '单位名称' : '反映人姓名', { required: true })}
        {text('phone', needs.phoneLabel, { required: true, type: 'tel' })}
        {draft.requesterType === 'unit' && text('unitContact', LABELS.unitContact, { required: true })}
        {text('address', LABELS.address, { wide: draft.requesterType !== 'unit' })}

        <Field name="category" label={LABELS.category} required error={errors.category}>
          <select name="category" value={draft.category} onChange={(e) => set('category', e.currentTarget.value)}>
            <option value="">请选择</option>
            {CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </select>
        </Field>
        <Field name="urgency" label={LABELS.urgency} error={errors.urgency}>
          <select name="urgency" value={draft.urgency} title="不填由分办时确定" onChange={(e) => set('urgency', e.currentTarget.value)}>
            <option value="">分办时确定</option>
            {URGENCIES.map((u) => (
              <option key={u.code} value={u.code}>{u.name}</option>
            ))}
          </select>
        </Field>
        <Field name="deadline" label={LABELS.deadline} error={errors.deadline}>
          <input name="deadline" type="datetime-local" value={draft.deadline} title="不填按流程方案计算" onInput={(e) => set('deadline', e.currentTarget.value)} />
        </Field>

        <Field name="content" label={LABELS.content} required error={errors.content} wide full>
          <textarea name="content" rows={3} maxLength={5000} value={draft.content} aria-invalid={errors.content ? 'true' : undefined} onInput={(e) => set('content', e.currentTarget.value)} />
        </Field>

        <UnitPicker units={regionUnits} draft={draft} errors={errors} onChange={(list, lead) => setDraft({ ...draft, responsibleUnits: list, leadUnit: lead })} />

        {text('formContact', LABELS.formContact, { required: needs.contactRequired })}
        {text('formContactPhone', LABELS.formContactPhone, { type: 'tel' })}
        {text('remarks', LABELS.remarks)}
      </div>
      <div class="intake-actions">
        <span class="muted">带 * 为必填项</span>
        <button type="submit" class="primary" disabled={sending}>
          {sending ? '登记中…' : '登记工单'}
        </button>
      </div>
    </form>
  );
}

function Field(props: { name: string; label: string; required?: boolean; error?: string; wide?: boolean; full?: boolean; children: ComponentChildren }) {
  const cls = ['field', props.required && 'required', props.error && 'invalid', props.wide && 'wide', props.full && 'full'].filter(Boolean).join(' ');
  return (
    <label class={cls} data-field={props.name}>
      <span>{props.label}</span>
      {props.children}
      {props.error && <small class="field-error">{props.error}</small>}
    </label>
  );
}

/** 责任部门 (optional: dispatch decides in every scheme); with several, one of them leads. */
function UnitPicker({ units, draft, errors, onChange }: { units: Unit[]; draft: IntakeDraft; errors: FieldErrors; onChange: (list: string[], lead: string) => void }) {
  const chosen = draft.responsibleUnits;
  const toggle = (id: string, on: boolean) => {
    const list = on ? [...chosen, id] : chosen.filter((u) => u !== id);
    onChange(list, list.includes(draft.leadUnit) ? draft.leadUnit : '');
  };
  return (
    <>
      <fieldset class="field full unit-picker">
        <legend>{LABELS.responsibleUnits}（可不选，由分办确定）</legend>
        {units.length === 0 && <span class="muted">本区域尚无承办单位</span>}
        {units.map((u) => (
          <label key={u.id} class="check">
            <input type="checkbox" checked={chosen.includes(u.id)} onChange={(e) => toggle(u.id, e.currentTarget.checked)} />
            {u.name}
          </label>
        ))}
      </fieldset>
      {chosen.length > 1 && (
        <Field name="leadUnit" label={LABELS.leadUnit} required error={errors.leadUnit}>
          <select name="leadUnit" value={draft.leadUnit} onChange={(e) => onChange(chosen, e.currentTarget.value)}>
            <option value="">请选择</option>
            {chosen.map((id) => (
              <option key={id} value={id}>{units.find((u) => u.id === id)?.name ?? id}</option>
            ))}
          </select>
        </Field>
      )}
    </>
  );
}
