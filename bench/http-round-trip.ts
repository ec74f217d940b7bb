import { Samples, runPool } from './stats.js';

export interface RoundTripOptions {
  /** `http://127.0.0.1:<port>/engine-rest` */
  rest: string;
  definitionId: string;
  instances: number;
  concurrency: number;
  /** Business keys are `<prefix>-<n>`; distinct per level so nothing collides. */
  prefix: string;
  /** `Authorization` header (a Bearer token: Basic would add a password check per call). */
  authorization: string;
}

export interface RoundTripResult {
  concurrency: number;
  instances: number;
  perSecond: number;
  start: Samples;
  findTask: Samples;
  claim: Samples;
  complete: Samples;
  /** start → ended, one instance, as a clerk would wait for it. */
  whole: Samples;
}

const UNITS = ['water', 'power', 'gas', 'roads'];

/**
 * One work order as a county clerk's client does it, over HTTP: start with the handling unit,
 * find the task, claim it, complete it with a reply and resolved=true, which ends the instance.
 * Anything but the expected status aborts the run: a fast wrong answer is not a result.
 */
export async function roundTrips(o: RoundTripOptions): Promise<RoundTripResult> {
  const r: RoundTripResult = {
    concurrency: o.concurrency, instances: o.instances, perSecond: 0,
    start: new Samples(), findTask: new Samples(), claim: new Samples(), complete: new Samples(), whole: new Samples(),
  };
  const timed = async (samples: Samples, expected: number, method: string, path: string, body?: unknown): Promise<any> => {
    const t0 = performance.now();
    const res = await fetch(`${o.rest}${path}`, {
      method,
      headers: { authorization: o.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    samples.add(performance.now() - t0);
    if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };

  const began = performance.now();
  await runPool(o.instances, o.concurrency, async (i) => {
    const t0 = performance.now();
    const unit = UNITS[i % UNITS.length]!;
    const instance = await timed(r.start, 200, 'POST', `/process-definition/${o.definitionId}/start`, {
      businessKey: `${o.prefix}-${i}`,
      variables: { unit: { value: unit, type: 'String' } },
    });
    const tasks = await timed(r.findTask, 200, 'GET', `/task?processInstanceId=${instance.id}`);
    if (!Array.isArray(tasks) || tasks.length !== 1) throw new Error(`instance ${instance.id}: expected one task, got ${JSON.stringify(tasks)}`);
    const taskId = tasks[0].id as string;
    await timed(r.claim, 204, 'POST', `/task/${taskId}/claim`, { userId: `clerk-${i % o.concurrency}` });
    await timed(r.complete, 204, 'POST', `/task/${taskId}/complete`, {
      variables: { reply: { value: '已联系承办单位处理完毕', type: 'String' }, resolved: { value: true, type: 'Boolean' } },
    });
    r.whole.add(performance.now() - t0);
  });
  r.perSecond = o.instances / ((performance.now() - began) / 1000);
  return r;
}
