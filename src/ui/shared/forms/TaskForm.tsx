/**
 * The form of one user task, built from its diagram's `camunda:formData`: every scheme's tasks
 * (dispatch, sign or return, handle, extension, review…) are filled in with this one component.
 * It checks required fields, types, allowed values, lengths and bounds in the page and sends
 * nothing while one is wrong; the service checks again, and its refusal is shown as it comes.
 *
 *   <TaskForm taskId={id} onCompleted={() => …} />
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorBanner, Loading } from '../components.js';
import { isUnitField, readFormFields, type FormFieldDef } from './form-fields.js';
import { FieldControl, type UnitOption } from './FieldControl.js';
import { fieldProblem, toInputValue, toTypedVariable, type VariableMap } from './values.js';

export interface TaskInfo {
  id: string;
  name: string | null;
  description: string | null;
  assignee: string | null;
  created: string;
  due: string | null;
  processDefinitionId: string;
  processInstanceId: string;
  taskDefinitionKey: string;
  tenantId: string | null;
}

export interface TaskFormProps {
  taskId: string;
  /** Called after the service accepted the completion, with what was sent. */
  onCompleted: (variables: VariableMap) => void;
  /** Shown, not editable (e.g. a task someone else holds). */
  disabled?: boolean;
  submitLabel?: string;
}

interface Loaded {
  task: TaskInfo;
  fields: FormFieldDef[];
  units: UnitOption[];
  initial: Record<string, string>;
}

async function load(taskId: string): Promise<Loaded> {
  const task = await api<TaskInfo>(`/engine-rest/task/${encodeURIComponent(taskId)}`);
  const [{ bpmn20Xml }, current] = await Promise.all([
    api<{ bpmn20Xml: string }>(`/engine-rest/process-definition/${encodeURIComponent(task.processDefinitionId)}/xml`),
    api<VariableMap>(`/engine-rest/task/${encodeURIComponent(taskId)}/form-variables`),
  ]);
  const fields = await readFormFields(bpmn20Xml, task.taskDefinitionKey);
  const wantsUnits = fields.some(isUnitField);
  const units = wantsUnits
    ? (await api<UnitOption[]>('/api/units')).filter((u) => !u.regionId || !task.tenantId || u.regionId === task.tenantId)
    : [];
  const initial: Record<string, string> = {};
  for (const f of fields) initial[f.id] = toInputValue(f, current[f.id]);
  return { task, fields, units, initial };
}

export function TaskForm({ taskId, onCompleted, disabled = false, submitLabel = '提交' }: TaskFormProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setLoadError(null);
    load(taskId)
      .then((l) => {
        if (!live) return;
        setLoaded(l);
        setValues(l.initial);
        setProblems({});
      })
      .catch((e: unknown) => live && setLoadError(e));
    return () => {
      live = false;
    };
  }, [taskId]);

  if (loadError) return <ErrorBanner error={loadError} />;
  if (!loaded) return <Loading />;
  const { fields, units } = loaded;

  const change = (id: string, text: string) => {
    setValues((v) => ({ ...v, [id]: text }));
    // A corrected field loses its mark at once; others keep theirs until the next submit.
    setProblems((p) => {
      if (!p[id]) return p;
      const field = fields.find((f) => f.id === id);
      const problem = field ? fieldProblem(field, text) : null;
      const next = { ...p };
      if (problem) next[id] = problem;
      else delete next[id];
      return next;
    });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (disabled || busy) return;
    const found: Record<string, string> = {};
    for (const f of fields) {
      if (f.readonly) continue;
      const problem = fieldProblem(f, values[f.id] ?? '');
      if (problem) found[f.id] = problem;
    }
    setProblems(found);
    setSubmitError(null);
    const firstBad = fields.find((f) => found[f.id]);
    if (firstBad) {
      formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(firstBad.id)}"]`)?.focus();
      return;
    }
    const variables: VariableMap = {};
    for (const f of fields) {
      const typed = toTypedVariable(f, values[f.id] ?? '');
      if (typed) variables[f.id] = typed;
    }
    setBusy(true);
    try {
      await api(`/engine-rest/task/${encodeURIComponent(taskId)}/complete`, { method: 'POST', body: { variables } });
      onCompleted(variables);
    } catch (err) {
      setSubmitError(err);
    } finally {
      setBusy(false);
    }
  };

  const count = Object.keys(problems).length;
  return (
    <form ref={formRef} class="task-form" onSubmit={submit} noValidate aria-label={loaded.task.name ?? '办理表单'}>
      {loaded.task.description && <p class="task-form-hint">{loaded.task.description}</p>}
      {fields.length === 0 && <p class="muted">本环节无需填写内容，提交即完成。</p>}
      <div class="task-form-fields">
        {fields.map((f) => (
          <FieldControl key={f.id} field={f} value={values[f.id] ?? ''} problem={problems[f.id]} units={units} disabled={disabled || busy} onChange={(text) => change(f.id, text)} />
        ))}
      </div>
      {count > 0 && (
        <div class="banner banner-error" role="alert">
          有 {count} 项未通过检查，请按提示修改后再提交。
        </div>
      )}
      <ErrorBanner error={submitError} />
      <div class="task-form-actions">
        <button type="submit" class="primary" disabled={disabled || busy}>
          {busy ? '提交中…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
