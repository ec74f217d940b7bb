import type { TestApp } from '../../support/harness.js';
import { fixture } from '../../support/modeler.js';

/** Deploys a fixture from test/fixtures/processes through the deployment service. */
export async function deployFixture(ctx: TestApp, file: string, tenantId: string | null = null) {
  const result = await ctx.services.deployments.deploy({
    name: file,
    source: 'test',
    tenantId,
    enableDuplicateFiltering: false,
    deployChangedOnly: false,
    resources: [{ name: file, content: Buffer.from(fixture(file)) }],
  });
  return result.definitions![0]!;
}

/** `app.inject` with a JSON body, answering status and parsed body. */
export async function call(ctx: TestApp, method: 'GET' | 'POST' | 'DELETE' | 'PUT', url: string, body?: unknown) {
  const res = await ctx.app.inject({
    method,
    url: `/engine-rest${url}`,
    ...(body === undefined ? {} : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as any) : undefined, headers: res.headers };
}
