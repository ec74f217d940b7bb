import t from 'tap';
import {
  createExpressions, evaluate, listIdentifiers, parseTemplate, isExpression, hasExpression,
  ExpressionEvaluationError, ExpressionSyntaxError, MAX_DEPTH,
} from '../../src/engine/expressions/index.js';

// The shape bpmn-elements passes: { environment, fields?, content?, properties? }.
const ctx = (variables: Record<string, unknown>, content?: unknown) => ({ environment: { variables }, content });
const resolve = (template: string, variables: Record<string, unknown> = {}, content?: unknown) =>
  createExpressions().resolveExpression(template, ctx(variables, content));

t.test('literals and strings with escapes', async (t) => {
  t.equal(evaluate('42', {}), 42);
  t.equal(evaluate('3.5e1', {}), 35);
  t.equal(evaluate('true', {}), true);
  t.equal(evaluate('null', {}), null);
  t.equal(evaluate("'it\\'s'", {}), "it's");
  t.equal(evaluate('"say \\"hi\\""', {}), 'say "hi"');
  t.equal(evaluate("'a\\\\b'", {}), 'a\\b');
  // JUEL keeps unknown escapes verbatim.
  t.equal(evaluate("'a\\nb'", {}), 'a\\nb');
  t.equal(evaluate("'}'", {}), '}');
  t.equal(resolve("${'}' == '}'}"), true, 'a brace inside a string does not end the block');
  t.equal(evaluate('工单类型', { 工单类型: '投诉' }), '投诉', 'unicode identifiers');
});

t.test('operator precedence and word forms', async (t) => {
  const v = { a: 2, b: 3, s: 'x' };
  t.equal(evaluate('1 + 2 * 3', v), 7);
  t.equal(evaluate('(1 + 2) * 3', v), 9);
  t.equal(evaluate('10 - 4 - 3', v), 3, 'left associative');
  t.equal(evaluate('7 div 2', v), 3.5);
  t.equal(evaluate('7 mod 4 + 7 % 4', v), 6);
  t.equal(evaluate('-a * b', v), -6);
  t.equal(evaluate('a < b && b > a && a <= 2 && b >= 3', v), true);
  t.equal(evaluate('a lt b and b gt a and a le 2 and b ge 3', v), true);
  t.equal(evaluate('a == 2 && a eq 2 && a != 3 && a ne 3', v), true);
  t.equal(evaluate('false || true && false', v), false, '&& binds tighter than ||');
  t.equal(evaluate('false or not false', v), true);
  t.equal(evaluate('!true == false', v), true, '! binds tighter than ==');
  t.equal(evaluate('1 + 1 == 2 ? "yes" : "no"', v), 'yes');
  t.equal(evaluate('a > 5 ? "big" : a > 1 ? "mid" : "small"', v), 'mid', 'nested ternary');
  t.equal(evaluate("'n' + 1", v), 'n1', '+ concatenates when a side is a string');
  t.equal(evaluate("'10' * 2", v), 20, 'numeric strings coerce in arithmetic');
  t.equal(evaluate("'10' > 9", v), true);
  t.equal(evaluate("'1' == 1 && 'TRUE' == true", v), true);
  t.equal(evaluate("'abc' == 1", v), false, 'equality never throws');
  t.equal(evaluate("'apple' < 'banana'", v), true);
  t.equal(evaluate('missing == null', { missing: undefined }), true);
  t.throws(() => evaluate("'abc' > 1", v), ExpressionEvaluationError);
  t.throws(() => evaluate('1 && true', v), { name: 'ExpressionEvaluationError', message: /boolean/ });
});

t.test('empty', async (t) => {
  const v = { n: null, s: '', l: [], o: {}, full: [1], text: 'x', zero: 0 };
  for (const name of ['n', 's', 'l', 'o']) t.equal(evaluate(`empty ${name}`, v), true, name);
  for (const name of ['full', 'text', 'zero']) t.equal(evaluate(`empty ${name}`, v), false, name);
  t.equal(evaluate('not empty full', v), true);
});

t.test('dates compare as instants', async (t) => {
  const v = { due: new Date('2024-05-01T00:00:00Z'), now: '2024-05-01T07:00:00+08:00' };
  t.equal(evaluate('now < due', v), true, '07:00+08:00 is 23:00Z the day before');
  t.equal(evaluate("'2024-05-01T08:00:00+08:00' == due", v), true);
  t.equal(evaluate("'2024-01-02' > '2024-01-01T23:00:00Z'", v), true);
});

t.test('templates', async (t) => {
  t.equal(resolve('Case ${orderNo}', { orderNo: 'A-1' }), 'Case A-1');
  t.equal(resolve('${a}/${b}/${c}', { a: 1, b: null, c: true }), '1//true');
  t.equal(resolve('${n}', { n: 5 }), 5, 'a single block keeps its type');
  t.equal(resolve('\n  ${level == 1}\n', { level: 2 }), false, 'surrounding whitespace still yields the raw value');
  t.same(resolve('${l}', { l: [1, 2] }), [1, 2]);
  t.equal(resolve('#{n + 1}', { n: 5 }), 6, '#{} is a synonym');
  t.equal(resolve('no expressions here'), 'no expressions here');
  t.equal(resolve('cost \\${x}'), 'cost ${x}', 'escaped opener is literal');
  t.equal(isExpression('${a}'), true);
  t.equal(isExpression('x ${a}'), false);
  t.equal(hasExpression('x ${a}'), true);
  t.equal(hasExpression('x'), false);
});

t.test('bpmn-elements context shape', async (t) => {
  t.equal(resolve('${approved}', { approved: true }), true);
  t.equal(resolve('${environment.variables.x}', { x: 'v' }), 'v');
  t.equal(resolve('${x}', { x: 'process' }, { input: { x: 'local' } }), 'local', 'input mappings win');
  t.equal(resolve('${content.id}', {}, { id: 'task1' }), 'task1');
  t.equal(resolve('${list[-1]}', { list: ['a', 'b', 'c'] }), 'c');
  t.equal(resolve('${list[0]}${list[5]}', { list: ['a'] }), 'a');
  t.equal(resolve('${o.missing}', { o: {} }), undefined);
  t.equal(resolve("${o['k'].length}", { o: { k: [1, 2] } }), 2);
  t.equal(createExpressions().resolveExpression('${1 + 1}'), 2, 'no context, as CallActivity calls it');
  t.throws(() => resolve('${a.b.c}', { a: {} }), {
    name: 'ExpressionEvaluationError', message: "Cannot read property 'c' of undefined in expression '${a.b.c}'", expression: '${a.b.c}',
  });
});

t.test('unknown identifiers are errors', async (t) => {
  t.throws(() => resolve('${levl == 1}', { level: 1 }), {
    name: 'ExpressionEvaluationError', message: /Cannot resolve identifier 'levl'/,
  });
  t.throws(() => createExpressions().resolveExpression('${x}'), /Cannot resolve identifier 'x'/);
});

t.test('whitelisted functions', async (t) => {
  const calls: unknown[] = [];
  const functions = {
    deadline(this: { variables: Record<string, unknown> }, urgency: unknown) {
      calls.push(this.variables.extensions);
      return urgency === 'urgent' ? 'PT4H' : 'P3D';
    },
    max: (...args: unknown[]) => Math.max(...(args as number[])),
    broken: () => { throw new Error('boom'); },
  };
  const ex = createExpressions({ functions });
  const c = ctx({ urgency: 'urgent', extensions: 1 });
  t.equal(ex.resolveExpression('${deadline(urgency)}', c), 'PT4H');
  t.same(calls, [1], 'this.variables reads other variables');
  t.equal(ex.resolveExpression('${max(1, 5, 2)}', c), 5);
  t.equal(ex.resolveExpression('${environment.services.max(environment.variables.extensions, 2)}', c), 2);
  t.equal(evaluate('max(1, 2) + 1', {}, { functions }), 3);
  t.throws(() => ex.resolveExpression('${nope(1)}', c), /Unknown function 'nope'/);
  const err = t.throws(() => ex.resolveExpression('${broken()}', c), /Function 'broken' failed: boom/) as Error;
  t.match(err.cause, { message: 'boom' });
});

t.test('execution and built-in methods', async (t) => {
  const v = { a: 'Hello', l: [1, 2, 3], processInstanceId: 'pi-1', businessKey: 'BK' };
  t.equal(evaluate("execution.getVariable('a')", v), 'Hello');
  t.equal(evaluate("execution.getVariable('zzz')", v), undefined);
  t.equal(evaluate("execution.hasVariable('a') && !execution.hasVariable('zzz')", v), true);
  t.equal(evaluate('execution.processInstanceId + execution.businessKey', v), 'pi-1BK');
  t.equal(evaluate("a.startsWith('He') && a.endsWith('lo') && a.contains('ell') && a.includes('H')", v), true);
  t.equal(evaluate("a.toLowerCase() + a.toUpperCase() + ' x '.trim()", v), 'helloHELLOx');
  t.equal(evaluate('a.length() + a.size() + a.length + l.size() + l.length', v), 21);
  t.throws(() => evaluate("a.replace('H', 'J')", v), /Method 'replace\(\)' is not allowed/);
  t.throws(() => evaluate('l.join()', v), /not allowed/);
  t.throws(() => evaluate('a.trim(1)', v), /expects 0 arguments/);
});

t.test('security: nothing from data or prototypes is reached or run', async (t) => {
  let ran = false;
  const spy = () => { ran = true; return 'ran'; };
  class Secret { get value() { ran = true; return 's'; } }
  const getterObj = Object.defineProperty({}, 'g', { get: spy, enumerable: true });
  const v = { x: {}, s: 'str', fnVar: spy, obj: { fn: spy }, secret: new Secret(), getterObj };
  const ex = createExpressions();
  const c = { environment: { variables: v, services: { danger: spy } } };
  const mustFailOrUndefined = (template: string) => {
    try {
      t.equal(ex.resolveExpression(template, c), undefined, template);
    } catch (err) {
      t.ok(err instanceof ExpressionEvaluationError || err instanceof ExpressionSyntaxError, `${template} fails cleanly`);
    }
  };
  t.throws(() => ex.resolveExpression('${constructor}', c), /Cannot resolve identifier 'constructor'/);
  t.throws(() => ex.resolveExpression("${x.constructor.constructor('return process')()}", c), ExpressionSyntaxError);
  for (const template of [
    '${constructor}', "${x.constructor.constructor('return process')()}", "${x.constructor.constructor('return process')}",
    '${x.__proto__}', "${x['__proto__']}", "${''.constructor}", '${s.constructor}', '${x.prototype}', '${fnVar}',
    '${fnVar()}', '${obj.fn()}', '${obj.fn}', '${secret.value}', '${getterObj.g}', '${environment.services.danger(1)}',
    '${environment.services.danger}', '${environment.constructor}', '${execution.getVariable.constructor}',
    "${s['toString']}", '${hasOwnProperty}', "${x.hasOwnProperty('a')}", "${s.concat('a')}",
  ]) mustFailOrUndefined(template);
  t.equal(ran, false, 'no function, getter or service from data was called');
});

t.test('syntax errors carry the position', async (t) => {
  const cases: Array<[string, number, RegExp]> = [
    ['${a +}', 5, /Unexpected end of expression/],
    ['Case ${orderNo', 5, /missing '}'/],
    ['${}', 0, /Empty expression/],
    ["${a == 'x}", 7, /Unterminated string literal/],
    ['${a = 1}', 4, /Assignment is not supported/],
    ['${a & b}', 4, /use '&&'/],
    ['${a b}', 4, /Unexpected 'b'/],
    ['${a[0](1)}', 6, /Only whitelisted functions/],
    ['${f(1,}', 6, /Unexpected/],
    ['x ${a ? b}', 9, /Expected ':'/],
    ['${1abc}', 2, /Invalid number/],
    ['${a.}', 4, /Expected a property name/],
  ];
  for (const [template, position, message] of cases) {
    const err = t.throws(() => parseTemplate(template), ExpressionSyntaxError, template) as ExpressionSyntaxError;
    t.equal(err.position, position, `${template} position`);
    t.equal(err.expression, template);
    t.match(err.message, message, template);
  }
  t.doesNotThrow(() => parseTemplate('Case ${orderNo} (${urgency eq "urgent" ? deadline(urgency) : "-"})'));
  t.doesNotThrow(() => parseTemplate('${form.empty && a.and}'), 'reserved words are fine after a dot');
});

t.test('size and depth limits', async (t) => {
  const deep = `\${${'('.repeat(MAX_DEPTH + 1)}1${')'.repeat(MAX_DEPTH + 1)}}`;
  t.throws(() => parseTemplate(deep), { name: 'ExpressionSyntaxError', message: /nested deeper than 64/ });
  t.doesNotThrow(() => parseTemplate(`\${${'('.repeat(MAX_DEPTH - 1)}1${')'.repeat(MAX_DEPTH - 1)}}`));
  t.throws(() => parseTemplate(`\${${'!'.repeat(100)}true}`), /nested deeper/);
  t.throws(() => parseTemplate(`\${a${'.b'.repeat(2000)}}`), /longer than 4000/);
  // A long flat chain is not nesting: it must parse and evaluate without blowing the stack.
  const chain = Array.from({ length: 600 }, () => '1').join('+');
  t.equal(evaluate(chain, {}), 600);
  const codes = Array.from({ length: 100 }, (_, i) => `code == 'c${i}'`).join(' || ');
  t.equal(evaluate(codes, { code: 'c99' }), true);
});

t.test('listIdentifiers', async (t) => {
  t.same(
    listIdentifiers("Case ${orderNo}: ${urgency eq 'urgent' && extensions < 2 ? deadline(urgency) : a.b[c]}"),
    ['orderNo', 'urgency', 'extensions', 'a', 'c'],
  );
  t.same(listIdentifiers("${environment.variables.x + execution.getVariable('y') + content.id}"), ['x', 'y']);
  t.same(listIdentifiers('plain'), []);
});

t.test('the source never uses eval, Function or vm', async (t) => {
  const { readdir, readFile } = await import('node:fs/promises');
  const dir = new URL('../../src/engine/expressions/', import.meta.url);
  for (const file of await readdir(dir)) {
    const code = (await readFile(new URL(file, dir), 'utf8')).replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
    t.notMatch(code, /\beval\s*\(|\bFunction\s*\(|node:vm|\bvm\./, file);
  }
});

t.test('bpmn-engine takes the flow whose condition holds', async (t) => {
  const { Engine } = await import('bpmn-engine');
  const { EventEmitter } = await import('node:events');
  const flow = (id: string, target: string, condition: string) => `
    <sequenceFlow id="${id}" sourceRef="gw" targetRef="${target}">
      <conditionExpression xsi:type="tFormalExpression">${condition}</conditionExpression>
    </sequenceFlow>`;
  const source = `<?xml version="1.0" encoding="UTF-8"?>
    <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="test">
      <process id="p" isExecutable="true">
        <startEvent id="start" />
        <sequenceFlow id="toGw" sourceRef="start" targetRef="gw" />
        <exclusiveGateway id="gw" />
        ${flow('toOne', 'endOne', '${level == 1}')}
        ${flow('toOther', 'endOther', '${level != 1}')}
        <endEvent id="endOne" />
        <endEvent id="endOther" />
      </process>
    </definitions>`;

  const run = async (variables: Record<string, unknown>) => {
    const engine = new Engine({ name: 'expressions-test', source, expressions: createExpressions() });
    const listener = new EventEmitter();
    const taken: string[] = [];
    const ended: string[] = [];
    listener.on('flow.take', (api: { id: string }) => taken.push(api.id));
    listener.on('activity.end', (api: { id: string }) => ended.push(api.id));
    const done = engine.waitFor('end');
    await engine.execute({ variables, listener });
    await done;
    return { taken, ended };
  };

  const one = await run({ level: 1 });
  t.same(one.taken, ['toGw', 'toOne']);
  t.ok(one.ended.includes('endOne') && !one.ended.includes('endOther'));
  const other = await run({ level: 2 });
  t.same(other.taken, ['toGw', 'toOther']);

  // A typo in a condition stops the run with our error instead of silently taking no flow.
  const typo = new Engine({ name: 'typo', source: source.replace('${level == 1}', '${levl == 1}'), expressions: createExpressions() });
  // waitFor rejects with the engine's 'error' event.
  const failed = typo.waitFor('end').then(() => 'ended', (err: unknown) => err);
  await typo.execute({ variables: { level: 1 } }).catch(() => undefined);
  t.match(await failed, { message: /Cannot resolve identifier 'levl'/ });
});
