import t, { type Test } from 'tap';
import {
  decodeTypedValue,
  decodeVariables,
  encodeTypedValue,
  encodeVariables,
  fromEngineVariables,
  fromStored,
  InvalidVariableError,
  toEngineVariables,
  toStored,
  typedValueOf,
  withoutTransient,
  type TypedValue,
} from '../../../src/rest/camunda/index.js';

// Appendix A of camunda7-rest.md: the final `complete` body of camunda-external-task-client-js 3.1.0, verbatim.
const WORKER_COMPLETE_BODY =
  '{"workerId":"worker-1","variables":{"str":{"type":"string","value":"abc","valueInfo":{}},"int":{"type":"integer","value":7,"valueInfo":{}},"long":{"type":"long","value":1099511627776,"valueInfo":{}},"dbl":{"type":"double","value":1.25,"valueInfo":{}},"bool":{"type":"boolean","value":false,"valueInfo":{}},"date":{"type":"date","value":"2026-11-23T02:00:00.000+0000","valueInfo":{}},"json":{"type":"json","value":"{\\"x\\":[1,2]}","valueInfo":{}},"nul":{"type":"null","value":null,"valueInfo":{}},"tmp":{"type":"string","value":"transient-value","valueInfo":{"transient":true}},"explicitObj":{"type":"object","value":"{\\"k\\":\\"v\\"}","valueInfo":{"objectTypeName":"java.util.HashMap","serializationDataFormat":"application/json"}},"file":{"type":"file","value":"aGVsbG8gZmlsZQo=","valueInfo":{"filename":"upload.txt","encoding":"utf-8","mimetype":"text/plain"}}},"localVariables":{"localOnly":{"type":"string","value":"L","valueInfo":{}}}}';

// bpmnError body of Appendix A.
const WORKER_BPMN_ERROR_BODY =
  '{"errorCode":"ERR_CODE","workerId":"worker-1","errorMessage":"bpmn error msg","variables":{"reason":{"type":"string","value":"x","valueInfo":{}}}}';

function invalid(t: Test, fn: () => unknown, message: string | RegExp, field?: string): void {
  try {
    fn();
    t.fail(`expected InvalidVariableError ${String(message)}`);
  } catch (err) {
    t.type(err, InvalidVariableError);
    const e = err as InvalidVariableError;
    if (typeof message === 'string') t.equal(e.message, message);
    else t.match(e.message, message);
    if (field !== undefined) t.equal(e.field, field);
    t.equal(e.statusCode, 400);
    t.equal(e.type, 'InvalidRequestException');
  }
}

t.test('worker client complete body (Appendix A) decodes completely', async (t) => {
  const body = JSON.parse(WORKER_COMPLETE_BODY) as { variables: unknown; localVariables: unknown };
  const vars = decodeVariables(body.variables);

  t.same(vars.str, { type: 'String', value: 'abc', valueInfo: {} });
  t.same(vars.int, { type: 'Integer', value: 7, valueInfo: {} });
  t.same(vars.long, { type: 'Long', value: 1099511627776, valueInfo: {} });
  t.same(vars.dbl, { type: 'Double', value: 1.25, valueInfo: {} });
  t.same(vars.bool, { type: 'Boolean', value: false, valueInfo: {} });
  t.equal(vars.date?.type, 'Date');
  t.equal((vars.date?.value as Date).toISOString(), '2026-11-23T02:00:00.000Z');
  t.same(vars.json, { type: 'Json', value: { x: [1, 2] }, valueInfo: {} });
  t.same(vars.nul, { type: 'Null', value: null, valueInfo: {} });
  t.same(vars.tmp, { type: 'String', value: 'transient-value', valueInfo: {}, transient: true });
  t.same(vars.explicitObj, {
    type: 'Object',
    value: '{"k":"v"}',
    valueInfo: { objectTypeName: 'java.util.HashMap', serializationDataFormat: 'application/json' },
  });
  // lower-case `mimetype` from the worker is read as `mimeType`
  t.same(vars.file, {
    type: 'File',
    value: { base64: 'aGVsbG8gZmlsZQo=', filename: 'upload.txt', mimeType: 'text/plain', encoding: 'utf-8' },
    valueInfo: { filename: 'upload.txt', mimeType: 'text/plain', encoding: 'utf-8' },
  });
  t.same(Object.keys(vars).sort(), ['bool', 'date', 'dbl', 'explicitObj', 'file', 'int', 'json', 'long', 'nul', 'str', 'tmp']);

  const local = decodeVariables(body.localVariables, 'localVariables');
  t.same(local, { localOnly: { type: 'String', value: 'L', valueInfo: {} } });

  const engine = toEngineVariables(vars);
  t.equal(engine.str, 'abc');
  t.same(engine.json, { x: [1, 2] });
  t.type(engine.date, Date);
  t.equal(engine.explicitObj, '{"k":"v"}');
  t.same(engine.file, { base64: 'aGVsbG8gZmlsZQo=', filename: 'upload.txt', mimeType: 'text/plain', encoding: 'utf-8' });
  t.same(Object.keys(withoutTransient(vars)).includes('tmp'), false);

  const bpmnError = JSON.parse(WORKER_BPMN_ERROR_BODY) as { variables: unknown };
  t.same(decodeVariables(bpmnError.variables), { reason: { type: 'String', value: 'x', valueInfo: {} } });
});

t.test('encoding for the wire: capitalised types, Json as text, Date +0800, File without content', async (t) => {
  const vars = decodeVariables(JSON.parse(WORKER_COMPLETE_BODY).variables);
  const wire = encodeVariables(vars);
  t.same(wire.str, { type: 'String', value: 'abc', valueInfo: {} });
  t.same(wire.int, { type: 'Integer', value: 7, valueInfo: {} });
  t.same(wire.long, { type: 'Long', value: 1099511627776, valueInfo: {} });
  t.same(wire.dbl, { type: 'Double', value: 1.25, valueInfo: {} });
  t.same(wire.bool, { type: 'Boolean', value: false, valueInfo: {} });
  t.same(wire.date, { type: 'Date', value: '2026-11-23T10:00:00.000+0800', valueInfo: {} });
  t.same(wire.json, { type: 'Json', value: '{"x":[1,2]}', valueInfo: {} });
  t.equal(typeof wire.json?.value, 'string', 'the worker JSON.parse()s Json values');
  t.same(wire.nul, { type: 'Null', value: null, valueInfo: {} });
  t.same(wire.tmp, { type: 'String', value: 'transient-value', valueInfo: { transient: true } });
  t.same(wire.explicitObj, {
    type: 'Object',
    value: '{"k":"v"}',
    valueInfo: { objectTypeName: 'java.util.HashMap', serializationDataFormat: 'application/json' },
  });
  t.same(wire.file, {
    type: 'File',
    value: null,
    valueInfo: { filename: 'upload.txt', mimeType: 'text/plain', encoding: 'utf-8' },
  });
  t.same(encodeTypedValue(vars.date as TypedValue, { timeZone: 'UTC' }).value, '2026-11-23T02:00:00.000+0000');
});

t.test('round trip wire → decode → encode → decode for every type', async (t) => {
  const samples: Record<string, unknown> = {
    s: { type: 'String', value: '诉求' },
    i: { type: 'Integer', value: -2147483648 },
    sh: { type: 'Short', value: 32767 },
    l: { type: 'Long', value: 9007199254740991 },
    d: { type: 'Double', value: 0.1 },
    b: { type: 'Boolean', value: true },
    dt: { type: 'Date', value: '2026-11-26T18:00:00.000+0800' },
    n: { type: 'Null', value: null },
    j: { type: 'Json', value: '{"no":"PY-2026-0001","tags":["a"]}' },
    x: { type: 'Xml', value: '<a b="1"/>' },
    o: { type: 'Object', value: 'rO0AB', valueInfo: { objectTypeName: 'x.Y', serializationDataFormat: 'application/x-java-serialized-object' } },
    bytes: { type: 'Bytes', value: 'AAEC' },
    typedNull: { type: 'Integer', value: null },
  };
  const decoded = decodeVariables(samples);
  const again = decodeVariables(encodeVariables(decoded));
  t.same(again, decoded);
  t.same(encodeVariables(decoded).dt?.value, '2026-11-26T18:00:00.000+0800');
  t.same(encodeVariables(decoded).bytes?.value, 'AAEC');
  t.same(decoded.sh, { type: 'Short', value: 32767, valueInfo: {} });
  t.same(decoded.typedNull, { type: 'Integer', value: null, valueInfo: {} });
});

t.test('type names are case-insensitive; untyped values are inferred', async (t) => {
  t.equal(decodeTypedValue({ type: 'string', value: 'a' }, 'v').type, 'String');
  t.equal(decodeTypedValue({ type: 'STRING', value: 'a' }, 'v').type, 'String');
  t.equal(decodeTypedValue({ type: 'Json', value: '1' }, 'v').type, 'Json');
  const untyped = decodeVariables({
    a: { value: 2 },
    b: { value: 4_000_000_000 },
    c: { value: 2.5 },
    d: { value: true },
    e: { value: 'x' },
    f: { value: null },
    g: { value: { level: 2 } },
    h: { value: [1] },
    i: { value: 1, type: null, valueInfo: null },
  });
  t.same(
    Object.fromEntries(Object.entries(untyped).map(([k, v]) => [k, v.type])),
    { a: 'Integer', b: 'Long', c: 'Double', d: 'Boolean', e: 'String', f: 'Null', g: 'Json', h: 'Json', i: 'Integer' },
  );
  t.same(untyped.g?.value, { level: 2 });
  // the Modeler's start form may send variables: null
  t.same(decodeVariables(null), {});
  t.same(decodeVariables(undefined), {});
});

t.test('lenient conversions Camunda (Jackson) also makes', async (t) => {
  t.equal(decodeTypedValue({ type: 'Integer', value: '42' }, 'v').value, 42);
  t.equal(decodeTypedValue({ type: 'Double', value: '1.5' }, 'v').value, 1.5);
  t.equal(decodeTypedValue({ type: 'Boolean', value: 'TRUE' }, 'v').value, true);
  t.equal(decodeTypedValue({ type: 'String', value: 5 }, 'v').value, '5');
  t.same(decodeTypedValue({ type: 'String', value: 'x', valueInfo: { foo: 1 } }, 'v').valueInfo, {}, 'unknown valueInfo keys dropped');
  const d = decodeTypedValue({ type: 'Date', value: '2026-11-23T10:00:00.000 0800' }, 'v').value as Date;
  t.equal(d.toISOString(), '2026-11-23T02:00:00.000Z', 'space for a URL-decoded +');
  for (const s of ['2026-11-23T02:00:00Z', '2026-11-23T10:00:00+08:00', '2026-11-23T10:00:00.000+0800']) {
    t.equal((decodeTypedValue({ type: 'date', value: s }, 'v').value as Date).toISOString(), '2026-11-23T02:00:00.000Z', s);
  }
});

t.test('bad values name the field', async (t) => {
  invalid(t, () => decodeVariables({ amount: { type: 'Integer', value: 'abc' } }), /^variables\.amount: Cannot convert value 'abc' of type 'Integer'/, 'variables.amount');
  invalid(t, () => decodeVariables({ a: { type: 'Integer', value: 2147483648 } }), /^variables\.a: Cannot convert value '2147483648' of type 'Integer'/);
  invalid(t, () => decodeVariables({ a: { type: 'Integer', value: 1.5 } }), /of type 'Integer'/);
  invalid(t, () => decodeVariables({ a: { type: 'Short', value: 40000 } }), /of type 'Short'/);
  invalid(t, () => decodeVariables({ a: { type: 'Long', value: 2 ** 60 } }), /of type 'Long'/);
  invalid(t, () => decodeVariables({ a: { type: 'Double', value: 'x' } }), /of type 'Double'/);
  invalid(t, () => decodeVariables({ a: { type: 'Boolean', value: 1 } }), /of type 'Boolean'/);
  invalid(t, () => decodeVariables({ a: { type: 'String', value: { x: 1 } } }), /of type 'String'/);
  invalid(t, () => decodeVariables({ due: { type: 'Date', value: '2026-11-23' } }), /^variables\.due: Cannot convert value '2026-11-23' of type 'Date'/);
  invalid(t, () => decodeVariables({ due: { type: 'Date', value: '2026-02-30T10:00:00Z' } }), /of type 'Date'/);
  invalid(t, () => decodeVariables({ j: { type: 'Json', value: { x: 1 } } }), /^variables\.j: Cannot convert value '\{"x":1\}' of type 'Json' \(expected a string containing JSON text\)/);
  invalid(t, () => decodeVariables({ j: { type: 'json', value: '{x' } }), /^variables\.j: .*of type 'Json' \(expected JSON text/);
  invalid(t, () => decodeVariables({ x: { type: 'Xml', value: 1 } }), /of type 'Xml'/);
  invalid(t, () => decodeVariables({ o: { type: 'Object', value: {} } }), /of type 'Object'/);
  invalid(t, () => decodeVariables({ f: { type: 'File', value: 'aGk=' } }), 'variables.f: File variable requires valueInfo.filename (a non-empty string)');
  invalid(t, () => decodeVariables({ f: { type: 'File', value: null, valueInfo: { filename: 'a' } } }), /requires a base64 'value'/);
  invalid(t, () => decodeVariables({ f: { type: 'File', value: '*notbase64*', valueInfo: { filename: 'a' } } }), /of type 'File' \(expected a base64 string\)/);
  invalid(t, () => decodeVariables({ a: { type: 'Decimal', value: 1 } }), "variables.a: Unsupported value type 'Decimal'");
  invalid(t, () => decodeVariables({ a: { type: 'x', value: 1 } }, 'localVariables'), "localVariables.a: Unsupported value type 'x'", 'localVariables.a');
  invalid(t, () => decodeVariables({ a: 5 }), /^variables\.a: must be an object/);
  invalid(t, () => decodeVariables([1]), /^variables: must be an object/);
  invalid(t, () => decodeVariables({ a: { value: 1, valueInfo: { transient: 'yes' } } }), 'variables.a: valueInfo.transient must be true or false');
  invalid(t, () => decodeVariables({ o: { type: 'Object', value: 's', valueInfo: { objectTypeName: 5 } } }), 'variables.o: valueInfo.objectTypeName must be a string');
});

t.test('engine values → wire by inference', async (t) => {
  const wire = encodeVariables(
    fromEngineVariables({
      n: null,
      u: undefined,
      i: 7,
      l: 2 ** 40,
      d: 1.5,
      b: true,
      s: 'x',
      dt: new Date('2026-11-23T02:00:00.000Z'),
      o: { a: [1] },
      buf: Buffer.from('hi'),
    }),
  );
  t.same(wire, {
    n: { type: 'Null', value: null, valueInfo: {} },
    u: { type: 'Null', value: null, valueInfo: {} },
    i: { type: 'Integer', value: 7, valueInfo: {} },
    l: { type: 'Long', value: 2 ** 40, valueInfo: {} },
    d: { type: 'Double', value: 1.5, valueInfo: {} },
    b: { type: 'Boolean', value: true, valueInfo: {} },
    s: { type: 'String', value: 'x', valueInfo: {} },
    dt: { type: 'Date', value: '2026-11-23T10:00:00.000+0800', valueInfo: {} },
    o: { type: 'Json', value: '{"a":[1]}', valueInfo: {} },
    buf: { type: 'Bytes', value: 'aGk=', valueInfo: {} },
  });
  t.equal(typedValueOf(NaN).value, null);
});

t.test('variable table rows: Date as ISO text, Json as parsed JSON, File content as base64', async (t) => {
  const vars = decodeVariables(JSON.parse(WORKER_COMPLETE_BODY).variables);
  t.same(toStored('date', vars.date as TypedValue), { name: 'date', type: 'Date', value: '2026-11-23T02:00:00.000Z', valueInfo: {} });
  t.same(toStored('json', vars.json as TypedValue), { name: 'json', type: 'Json', value: { x: [1, 2] }, valueInfo: {} });
  t.same(toStored('file', vars.file as TypedValue), {
    name: 'file',
    type: 'File',
    value: 'aGVsbG8gZmlsZQo=',
    valueInfo: { filename: 'upload.txt', mimeType: 'text/plain', encoding: 'utf-8' },
  });
  for (const [name, tv] of Object.entries(withoutTransient(vars))) {
    // jsonb round trip
    const row = JSON.parse(JSON.stringify(toStored(name, tv))) as ReturnType<typeof toStored>;
    t.same(fromStored(row), tv, name);
  }
  t.same(fromStored({ name: 'j', type: 'Json', value: null, valueInfo: null }), { type: 'Json', value: null, valueInfo: {} });
  t.throws(() => fromStored({ name: 'x', type: 'Nope', value: 1 }), { name: 'InvalidStoredVariableError' });
  t.throws(() => fromStored({ name: 'x', type: 'Date', value: 'garbage' }), { name: 'InvalidStoredVariableError' });
});
