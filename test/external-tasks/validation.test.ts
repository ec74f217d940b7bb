import t from 'tap';
import { startExternalTaskApp } from './support.js';

const app = await startExternalTaskApp();
t.teardown(() => app.close());
const definitionId = await app.deploy('sms-notify.bpmn');
await app.start(definitionId, { priority: 0, contactPhone: '1', orderNo: 'V-1' }, 'V-1');
const [row] = await app.query<{ id: string }>(`SELECT id FROM external_task WHERE business_key = 'V-1'`);
const id = row!.id;
await app.post(`/external-task/${id}/lock`, { workerId: 'w', lockDuration: 60_000 });

const topic = { topicName: 'sms', lockDuration: 1000 };
const cases: Array<[string, string, unknown, RegExp]> = [
  ['fetchAndLock without workerId', '/external-task/fetchAndLock', { maxTasks: 1, topics: [topic] }, /'workerId'.*required/],
  ['fetchAndLock with maxTasks -1', '/external-task/fetchAndLock', { workerId: 'w', maxTasks: -1, topics: [topic] }, /'maxTasks'/],
  ['fetchAndLock with maxTasks "5"', '/external-task/fetchAndLock', { workerId: 'w', maxTasks: '5', topics: [topic] }, /'maxTasks'/],
  ['a topic without lockDuration', '/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'sms' }] }, /'topics\[0\]\.lockDuration'.*required/],
  ['a topic with lockDuration 0', '/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 0 }] }, /'topics\[0\]\.lockDuration'/],
  ['an empty topicName', '/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ topicName: '', lockDuration: 1 }] }, /'topics\[0\]\.topicName'/],
  ['variables not an array', '/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ ...topic, variables: 'to' }] }, /'topics\[0\]\.variables'/],
  ['sorting by something else', '/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, sorting: [{ sortBy: 'priority', sortOrder: 'asc' }], topics: [topic] }, /'sorting\[0\]\.sortBy'/],
  ['negative asyncResponseTimeout', '/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, asyncResponseTimeout: -1, topics: [topic] }, /'asyncResponseTimeout'/],
  ['complete without workerId', `/external-task/${id}/complete`, {}, /'workerId'.*required/],
  ['complete with a bad variable type', `/external-task/${id}/complete`, { workerId: 'w', variables: { n: { value: 1, type: 'Numberish' } } }, /variables\.n: Unsupported value type 'Numberish'/],
  ['complete with an unconvertible value', `/external-task/${id}/complete`, { workerId: 'w', variables: { n: { value: 'abc', type: 'Integer' } } }, /variables\.n: Cannot convert value 'abc'/],
  ['complete with a Json object instead of text', `/external-task/${id}/complete`, { workerId: 'w', localVariables: { j: { value: { a: 1 }, type: 'Json' } } }, /localVariables\.j/],
  ['failure with negative retries', `/external-task/${id}/failure`, { workerId: 'w', retries: -1 }, /'retries'/],
  ['failure with negative retryTimeout', `/external-task/${id}/failure`, { workerId: 'w', retries: 1, retryTimeout: -5 }, /'retryTimeout'/],
  ['bpmnError with an empty errorCode', `/external-task/${id}/bpmnError`, { workerId: 'w', errorCode: '' }, /'errorCode'/],
  ['extendLock without newDuration', `/external-task/${id}/extendLock`, { workerId: 'w' }, /'newDuration'.*required/],
  ['lock with a negative lockDuration', `/external-task/${id}/lock`, { workerId: 'w', lockDuration: -1 }, /'lockDuration'/],
];

for (const [name, path, body, message] of cases) {
  t.test(`400 naming the field: ${name}`, async (t) => {
    const res = await app.post(path, body);
    t.equal(res.status, 400);
    t.equal(res.contentType, 'application/json');
    t.equal(res.body.type, 'InvalidRequestException');
    t.match(res.body.message, message);
  });
}

t.test('retries must be a non-negative integer', async (t) => {
  const res = await app.put(`/external-task/${id}/retries`, { retries: 'many' });
  t.equal(res.status, 400);
  t.match(res.body.message, /'retries'/);
});

t.test('list queries: bad parameters are 400s naming them', async (t) => {
  for (const [query, param] of [
    ['sortBy=nope&sortOrder=asc', 'sortBy'],
    ['sortBy=createTime', 'sortBy'],
    ['lockExpirationAfter=yesterday', 'lockExpirationAfter'],
    ['priorityHigherThanOrEquals=high', 'priorityHigherThanOrEquals'],
    ['locked=maybe', 'locked'],
    ['maxResults=-1', 'maxResults'],
  ] as const) {
    const res = await app.get(`/external-task?${query}`);
    t.equal(res.status, 400, query);
    t.match(res.body.message, param, query);
  }
  const incidents = await app.get('/incident?incidentTimestampAfter=soon');
  t.equal(incidents.status, 400);
  t.match(incidents.body.message, 'incidentTimestampAfter');
  const sorted = await app.get('/external-task?sortBy=createTime&sortOrder=desc&maxResults=1');
  t.equal(sorted.status, 200);
  const posted = await app.post('/external-task?maxResults=5', { topicName: 'sms', sorting: [{ sortBy: 'taskPriority', sortOrder: 'desc' }] });
  t.equal(posted.status, 200);
  t.equal(posted.body.length, 1);
});

t.test('a complete by the right worker with unknown JSON keys is accepted (Camunda ignores them)', async (t) => {
  const res = await app.post(`/external-task/${id}/complete`, { workerId: 'w', futureField: true });
  t.equal(res.status, 204);
});

t.test('every external-task and incident route is in /openapi.json with its tag', async (t) => {
  const res = await app.app.inject({ method: 'GET', url: '/openapi.json' });
  const doc = res.json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const ours = Object.entries(doc.paths).filter(([path]) => /^\/engine-rest\/(external-task|incident)/.test(path));
  t.ok(ours.length >= 12, `${ours.length} paths`);
  for (const [path, ops] of ours) {
    for (const [method, op] of Object.entries(ops)) {
      t.ok(op.tags?.includes(path.includes('/incident') ? 'incident' : 'external-task'), `${method.toUpperCase()} ${path} tagged`);
    }
  }
});
