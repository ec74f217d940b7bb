/**
 * 版本比较: what changed between two versions of a scheme, element by element (bpmn-js-differ),
 * and both diagrams side by side with the changed elements marked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { Empty, ErrorBanner, Loading, Page } from '../../shared/components.js';
import type { ElementChange } from './diff-model.js';
import type { ProcessDefinition } from './types.js';

const KIND: Record<ElementChange['kind'], string> = { added: '新增', removed: '删除', changed: '修改', layout: '仅位置' };

interface Side {
  definition: ProcessDefinition;
  xml: string;
}

async function loadSide(id: string): Promise<Side> {
  const path = `/engine-rest/process-definition/${encodeURIComponent(id)}`;
  const [definition, xml] = await Promise.all([api<ProcessDefinition>(path), api<{ bpmn20Xml: string }>(`${path}/xml`)]);
  return { definition, xml: xml.bpmn20Xml };
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function DiffPage({ left, right }: { left: string; right: string }) {
  const [sides, setSides] = useState<[Side, Side] | null>(null);
  const [changes, setChanges] = useState<ElementChange[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setSides(null);
    setChanges(null);
    void (async () => {
      try {
        const [a, b] = await Promise.all([loadSide(left), loadSide(right)]);
        const { compareVersions } = await import('./diff-model.js');
        const found = await compareVersions(a.xml, b.xml);
        if (!live) return;
        setSides([a, b]);
        setChanges(found);
      } catch (e) {
        if (live) setError(e);
      }
    })();
    return () => {
      live = false;
    };
  }, [left, right]);

  const label = (s: Side) => `${s.definition.name ?? s.definition.key} 版本 ${s.definition.version}`;
  return (
    <Page
      title={sides ? `版本比较：${label(sides[0])} → 版本 ${sides[1].definition.version}` : '版本比较'}
      actions={
        <a class="button" href="#/admin/processes">
          返回流程库
        </a>
      }
    >
      <ErrorBanner error={error} />
      {!sides && !error && <Loading />}
      {sides && changes && (
        <>
          <section class="panel diff-panel" aria-label="变更元素">
            <h2>变更元素（{changes.filter((c) => c.kind !== 'layout').length} 个）</h2>
            {changes.length === 0 ? (
              <Empty>两个版本的流程内容相同。</Empty>
            ) : (
              <table class="data diff-table">
                <thead>
                  <tr>
                    <th>元素标识</th>
                    <th>名称</th>
                    <th>类型</th>
                    <th>变更</th>
                    <th>属性：原值 → 新值</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.id} data-element={c.id} class={`diff-${c.kind}`}>
                      <td>
                        <code>{c.id}</code>
                      </td>
                      <td>{c.name}</td>
                      <td>{c.type.replace(/^bpmn:/, '')}</td>
                      <td>
                        <span class={`tag diff-tag-${c.kind}`}>{KIND[c.kind]}</span>
                      </td>
                      <td>
                        {c.attributes.length > 0 && (
                          <ul class="diff-attrs">
                            {c.attributes.map((a) => (
                              <li key={a.path}>
                                <code>{a.path}</code>：<del>{show(a.oldValue)}</del> → <ins>{show(a.newValue)}</ins>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <div class="grid-2 diff-diagrams">
            <DiffDiagram title={label(sides[0])} xml={sides[0].xml} changes={changes} side="left" />
            <DiffDiagram title={label(sides[1])} xml={sides[1].xml} changes={changes} side="right" />
          </div>
        </>
      )}
    </Page>
  );
}

/** One version drawn read-only; removed elements are marked on the old side, added on the new. */
function DiffDiagram({ title, xml, changes, side }: { title: string; xml: string; changes: ElementChange[]; side: 'left' | 'right' }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!ref.current) return;
    const container = ref.current;
    let viewer: { destroy(): void } | null = null;
    let live = true;
    void (async () => {
      const { default: NavigatedViewer } = await import('bpmn-js/lib/NavigatedViewer');
      if (!live) return;
      const v = new NavigatedViewer({ container });
      viewer = v;
      try {
        await v.importXML(xml);
        const canvas = v.get<{ zoom(l: string): void; addMarker(id: string, m: string): void }>('canvas');
        const registry = v.get<{ get(id: string): object | undefined }>('elementRegistry');
        canvas.zoom('fit-viewport');
        for (const c of changes) {
          if ((c.kind === 'removed' && side === 'right') || (c.kind === 'added' && side === 'left')) continue;
          if (registry.get(c.id)) canvas.addMarker(c.id, `diff-${c.kind}`);
        }
      } catch (e) {
        if (live) setError(e);
      }
    })();
    return () => {
      live = false;
      viewer?.destroy();
    };
  }, [xml, changes, side]);
  return (
    <section class="panel diff-panel" aria-label={title}>
      <h2>{title}</h2>
      <ErrorBanner error={error} />
      <div class="diagram diff-diagram" ref={ref} />
    </section>
  );
}
