/**
 * The order's process as drawn (bpmn-js NavigatedViewer: pan and zoom, no editing), with where
 * it stands (`highlight-current`: activities entered and not finished) and the path it took
 * (`highlight-done`: finished activities and the sequence flows between entered ones), both
 * from Camunda's activity-instance history.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { api } from '../shared/api.js';
import { ErrorBanner } from '../shared/components.js';

interface HistoricActivity {
  activityId: string;
  endTime: string | null;
  canceled: boolean;
}

interface DiagramElement {
  id: string;
  type: string;
  businessObject: { sourceRef?: { id: string }; targetRef?: { id: string } };
}

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: 'fit-viewport', center?: 'auto'): number;
}

interface ElementRegistry {
  filter(fn: (e: DiagramElement) => boolean): DiagramElement[];
}

export function ProcessDiagram({ processDefinitionId, processInstanceId }: { processDefinitionId: string; processInstanceId: string | null }) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [current, setCurrent] = useState<string[]>([]);

  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    let live = true;
    (async () => {
      const [{ bpmn20Xml }, history] = await Promise.all([
        api<{ bpmn20Xml: string }>(`/engine-rest/process-definition/${encodeURIComponent(processDefinitionId)}/xml`),
        processInstanceId
          ? api<HistoricActivity[]>('/engine-rest/history/activity-instance', { query: { processInstanceId, sortBy: 'startTime', sortOrder: 'asc' } })
          : Promise.resolve([] as HistoricActivity[]),
      ]);
      if (!live) return;
      await viewer.importXML(bpmn20Xml);
      const canvas = viewer.get('canvas') as Canvas;
      const registry = viewer.get('elementRegistry') as ElementRegistry;
      const entered = new Set(history.map((a) => a.activityId));
      const finished = new Set(history.filter((a) => a.endTime && !a.canceled).map((a) => a.activityId));
      const open = new Set(history.filter((a) => !a.endTime).map((a) => a.activityId));
      const known = new Set(registry.filter(() => true).map((e) => e.id));
      for (const id of finished) if (known.has(id) && !open.has(id)) canvas.addMarker(id, 'highlight-done');
      for (const id of open) if (known.has(id)) canvas.addMarker(id, 'highlight-current');
      for (const flow of registry.filter((e) => e.type === 'bpmn:SequenceFlow')) {
        const from = flow.businessObject.sourceRef?.id;
        const to = flow.businessObject.targetRef?.id;
        if (from && to && finished.has(from) && entered.has(to)) canvas.addMarker(flow.id, 'highlight-done');
      }
      canvas.zoom('fit-viewport', 'auto');
      setCurrent([...open].filter((id) => known.has(id)));
    })().catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      viewer.destroy();
    };
  }, [processDefinitionId, processInstanceId]);

  return (
    <div>
      <ErrorBanner error={error} />
      <div ref={container} class="diagram" role="img" aria-label="流程图" data-current={current.join(',')} />
      <p class="muted small diagram-legend">
        <span class="legend current" /> 当前环节 <span class="legend done" /> 已办环节及路径
      </p>
    </div>
  );
}
