import t from 'tap';
import { readdirSync } from 'node:fs';
import { startTestApp } from '../support/harness.js';
import { parseBpmn } from '../../src/definitions/index.js';
import { processXml, rest } from './support/driver.js';
import { modelerDeployForm } from '../support/modeler.js';

// Every scheme in processes/ deploys through /engine-rest/deployment/create exactly as Camunda
// Modeler sends it, and the service's own parser has no warning about it.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const files = readdirSync(new URL('../../processes/', import.meta.url)).filter((f) => f.endsWith('.bpmn'));

t.ok(files.length >= 5, 'the five schemes are there');
for (const file of files) {
  t.test(file, async (t) => {
    const xml = processXml(file);
    const parsed = await parseBpmn(xml, { resourceName: file });
    t.same(parsed.warnings, [], 'no parser warnings');
    const region = file.replace(/\.bpmn$/, '');
    const answer = (await rest(ctx, 'POST', '/deployment/create', modelerDeployForm({ name: region, fileName: file, xml, tenantId: region, deployChangedOnly: true }))) as {
      tenantId: string;
      deployedProcessDefinitions: Record<string, { key: string; tenantId: string; version: number }>;
    };
    const defs = Object.values(answer.deployedProcessDefinitions);
    t.equal(defs.length, 1, 'one process definition');
    t.match(defs[0], { key: region, tenantId: region, version: 1 });
  });
}
