import { readFileSync } from 'node:fs';

/** A diagram from test/fixtures/processes. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/processes/${name}`, import.meta.url), 'utf8');
}

export interface ModelerDeploy {
  name: string;
  fileName: string;
  xml: string;
  tenantId?: string;
  deployChangedOnly?: boolean;
  /** Modeler ≥ 4.7 sends this instead of deploy-changed-only. */
  enableDuplicateFiltering?: boolean;
  attachments?: Array<{ fileName: string; content: string }>;
}

/**
 * The multipart form Camunda Modeler's "Camunda 7" deploy sends (camunda7-rest.md §3.3,
 * Appendix B): text fields, then the diagram as a part named after its file, `text/xml`.
 */
export function modelerDeployForm(d: ModelerDeploy): FormData {
  const form = new FormData();
  form.append('deployment-name', d.name);
  form.append('deployment-source', 'Camunda Modeler');
  if (d.deployChangedOnly !== undefined) form.append('deploy-changed-only', String(d.deployChangedOnly));
  if (d.enableDuplicateFiltering !== undefined) form.append('enable-duplicate-filtering', String(d.enableDuplicateFiltering));
  if (d.tenantId) form.append('tenant-id', d.tenantId);
  form.append(d.fileName, new Blob([d.xml], { type: 'text/xml' }), d.fileName);
  for (const a of d.attachments ?? []) form.append(a.fileName, new Blob([a.content], { type: 'application/octet-stream' }), a.fileName);
  return form;
}
