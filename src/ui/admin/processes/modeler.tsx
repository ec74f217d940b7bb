/**
 * 流程设计: one version of a scheme in the bpmn-js modeler with its Camunda properties, linted as
 * it is edited. 部署新版本 (refused while lint finds errors) adds a version; it does not switch any
 * region to it — that is 启用 on the library page, confirmed and recorded.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../shared/api.js';
import { useApi } from '../../shared/use-api.js';
import { ErrorBanner, Loading, Notice, Page } from '../../shared/components.js';
import { translate } from './translate.js';
import type { LintIssue, ModelerHandle } from './modeler-setup.js';
import type { DeploymentResult, ParseDetails, ProcessDefinition, Region } from './types.js';

const CATEGORY: Record<LintIssue['category'], string> = { error: '错误', 'rule-error': '规则异常', warn: '警告', info: '提示' };

function hashQuery(): URLSearchParams {
  const hash = location.hash;
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}

/** `definitionId` arrives decoded and without the hash's query (app.tsx). */
export function ModelerPage({ definitionId }: { definitionId: string }) {
  const isNew = definitionId === 'new';
  const definition = useApi<ProcessDefinition>(isNew ? null : `/engine-rest/process-definition/${encodeURIComponent(definitionId)}`);
  const xml = useApi<{ id: string; bpmn20Xml: string }>(isNew ? null : `/engine-rest/process-definition/${encodeURIComponent(definitionId)}/xml`);
  const regions = useApi<Region[]>(isNew ? '/api/regions' : null);
  const [region, setRegion] = useState(() => hashQuery().get('region') ?? '');

  const canvasRef = useRef<HTMLDivElement>(null);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const handle = useRef<ModelerHandle | null>(null);
  const [issues, setIssues] = useState<Array<LintIssue & { name: string }> | null>(null);
  const [changed, setChanged] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [deploying, setDeploying] = useState(false);
  const [deployError, setDeployError] = useState<unknown>(null);
  const [deployed, setDeployed] = useState<{ definition: ProcessDefinition | null } | null>(null);

  // A new scheme is drawn once; picking its region afterwards must not throw the drawing away.
  const source = isNew ? 'new' : xml.data?.bpmn20Xml;

  useEffect(() => {
    if (!source || !canvasRef.current || !propertiesRef.current) return;
    let live = true;
    const canvas = canvasRef.current;
    const properties = propertiesRef.current;
    void (async () => {
      const setup = await import('./modeler-setup.js');
      if (!live) return;
      const created = setup.createModeler(
        canvas,
        properties,
        (found) => {
          const registry = created.modeler.get<{ get(id: string): { businessObject?: { name?: string } } | undefined }>('elementRegistry');
          const list = Object.values(found)
            .flat()
            .map((issue) => ({ ...issue, name: registry.get(issue.id)?.businessObject?.name ?? '' }));
          const rank = { error: 0, 'rule-error': 0, warn: 1, info: 2 } as const;
          setIssues(list.sort((a, b) => rank[a.category] - rank[b.category] || a.id.localeCompare(b.id)));
        },
        () => {
          setChanged(true);
          setDeployed(null);
        },
      );
      handle.current = created;
      try {
        const diagram = isNew ? setup.blankDiagram(processIdFor(region), '新建流程') : source;
        await created.modeler.importXML(diagram);
        created.modeler.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
      } catch (e) {
        if (live) setLoadError(e);
      }
    })();
    return () => {
      live = false;
      handle.current?.destroy();
      handle.current = null;
    };
  }, [source]);

  const errors = issues?.filter((i) => i.category === 'error' || i.category === 'rule-error').length ?? 0;
  const warnings = issues?.filter((i) => i.category === 'warn').length ?? 0;
  const tenant = isNew ? region : (definition.data?.tenantId ?? '');
  const canDeploy = issues !== null && errors === 0 && !deploying && (!isNew || region !== '');

  /** Shows an element a lint issue or a refusal names. */
  const focus = (id: string) => {
    const current = handle.current;
    if (current) void import('./modeler-setup.js').then((setup) => setup.focusElement(current.modeler, id));
  };

  const deploy = async () => {
    const current = handle.current;
    if (!current) return;
    setDeploying(true);
    setDeployError(null);
    setDeployed(null);
    try {
      const { xml: text } = await current.modeler.saveXML({ format: true });
      const key = current.modeler.getDefinitions().rootElements.find((e: { $type: string }) => e.$type === 'bpmn:Process')?.id ?? 'process';
      const fileName = definition.data?.resource ?? `${key}.bpmn`;
      const form = new FormData();
      form.append('deployment-name', `${tenant || '通用'}:${fileName}`);
      form.append('deployment-source', '诉求控制台流程设计');
      form.append('deploy-changed-only', 'true');
      if (tenant) form.append('tenant-id', tenant);
      form.append(fileName, new Blob([text ?? ''], { type: 'text/xml' }), fileName);
      const result = await api<DeploymentResult>('/engine-rest/deployment/create', { body: form });
      const [first] = Object.values(result.deployedProcessDefinitions ?? {});
      setDeployed({ definition: first ?? null });
      setChanged(false);
    } catch (e) {
      setDeployError(e);
    } finally {
      setDeploying(false);
    }
  };

  const title = isNew ? '新建流程' : definition.data ? `流程设计：${definition.data.name ?? definition.data.key} 版本 ${definition.data.version}` : '流程设计';
  return (
    <Page
      title={title}
      actions={
        <>
          {isNew && (
            <label class="field modeler-region">
              <span class="required">所属区县</span>
              <select value={region} onChange={(e) => setRegion(e.currentTarget.value)} required>
                <option value="">请选择</option>
                {regions.data?.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <a class="button" href="#/admin/processes">
            返回流程库
          </a>
          <button type="button" class="primary" disabled={!canDeploy} onClick={deploy} title={errors > 0 ? '请先修正检查发现的错误' : undefined}>
            {deploying ? '部署中…' : '部署新版本'}
          </button>
        </>
      }
    >
      <ErrorBanner error={definition.error ?? xml.error ?? regions.error ?? loadError} />
      {isNew && <p class="hint">流程的「标识」（属性面板 常规 → 标识）即流程键，同一标识再次部署时成为它的新版本；请在部署前改为有意义的名称。</p>}
      {deployed && <DeployedNotice definition={deployed.definition} previous={definition.data ?? null} />}
      <DeployRefusal error={deployError} onFocus={focus} />
      {!isNew && !xml.data && !xml.error && <Loading />}
      <div class="modeler-layout">
        <div class="modeler-canvas" ref={canvasRef} aria-label="流程图" role="application" />
        <aside class="modeler-properties" ref={propertiesRef} aria-label="属性面板" />
      </div>
      <section class="panel lint-panel" aria-label="检查结果">
        <h2>
          检查结果
          {issues === null ? (
            <span class="muted">检查中…</span>
          ) : (
            <span class={errors > 0 ? 'tag overdue' : 'tag ok'} data-testid="lint-summary">
              错误 {errors} 个，警告 {warnings} 个
            </span>
          )}
          {changed && <span class="tag due-soon">有未部署的修改</span>}
        </h2>
        {errors > 0 && <p class="banner banner-warn">存在错误，修正后才能部署。警告不影响部署。</p>}
        {issues && issues.length > 0 && (
          <ul class="lint-issues">
            {issues.map((issue, i) => (
              <li key={`${issue.id}:${issue.rule}:${i}`} class={`lint-${issue.category}`}>
                <button type="button" class="link" onClick={() => focus(issue.id)}>
                  {issue.name ? `${issue.name}（${issue.id}）` : issue.id}
                </button>
                <span class="lint-category">{CATEGORY[issue.category]}</span>
                <span>{translate(issue.message)}</span>
                <span class="muted">{issue.rule}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

function DeployedNotice({ definition, previous }: { definition: ProcessDefinition | null; previous: ProcessDefinition | null }) {
  if (!definition) return <Notice>内容与已部署的版本相同，未产生新版本。</Notice>;
  return (
    <div class="banner banner-info deployed" role="status">
      已部署为「{definition.name ?? definition.key}」版本 {definition.version}。尚未启用：在流程库中确认「启用」后，新受理的工单才按此版本办理。{' '}
      <a href="#/admin/processes">返回流程库</a>
      {previous && previous.key === definition.key && (
        <>
          {' · '}
          <a href={`#/admin/diff/${encodeURIComponent(previous.id)}/${encodeURIComponent(definition.id)}`}>与版本 {previous.version} 比较</a>
        </>
      )}
    </div>
  );
}

/** The service's parse refusal as it comes, plus each problem with its line and element. */
function DeployRefusal({ error, onFocus }: { error: unknown; onFocus: (id: string) => void }) {
  if (!error) return null;
  const details = error instanceof ApiError ? ((error.body as { details?: ParseDetails } | null)?.details ?? null) : null;
  const problems = details ? Object.entries(details).flatMap(([resource, d]) => d.errors.map((p) => ({ resource, ...p }))) : [];
  return (
    <>
      <ErrorBanner error={error} />
      {problems.length > 0 && (
        <ul class="parse-problems" aria-label="部署错误明细">
          {problems.map((p, i) => (
            <li key={i}>
              {p.resource} 第 {p.line} 行第 {p.column} 列
              {p.mainBpmnElementId && (
                <>
                  ，元素{' '}
                  <button type="button" class="link" onClick={() => onFocus(p.mainBpmnElementId!)}>
                    {p.mainBpmnElementId}
                  </button>
                </>
              )}
              ：{p.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A new scheme's process id (its key): the region's id, a valid XML name. */
function processIdFor(region: string): string {
  return /^[A-Za-z_][\w-]*$/.test(region) ? `${region}_new` : 'process_new';
}
