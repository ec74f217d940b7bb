import t from 'tap';
import { BPMN_PARSE_ERROR_PREFIX, parseBpmn } from '../../src/definitions/bpmn/index.js';
import { diagram, fixture, lineOf, MODELER_HEAD, parseFailure, problemFor, stubValidator } from './bpmn-helpers.js';

t.test('a Camunda Modeler 7 diagram with diagram interchange and modeler: attributes deploys', async (t) => {
  const xml = fixture('camunda-modeler-7.bpmn');
  const parsed = await parseBpmn(xml, { resourceName: 'workorder.bpmn', validateExpression: stubValidator });

  t.equal(parsed.definitionsId, 'Definitions_0k3w9yq');
  t.equal(parsed.targetNamespace, 'http://bpmn.io/schema/bpmn');
  t.same(parsed.processes, [
    { id: 'Process_workorder', name: '有诉即办工单', isExecutable: true, versionTag: '1.2', historyTimeToLive: 180, startableInTasklist: true },
  ]);
  t.same(parsed.executableProcessIds, ['Process_workorder']);
  t.same(parsed.warnings, []);

  const register = parsed.elements.find((e) => e.id === 'Activity_register');
  t.same(register, { id: 'Activity_register', type: 'bpmn:UserTask', name: '登记工单', processId: 'Process_workorder', line: lineOf(xml, 'id="Activity_register"'), column: 5 });
  t.ok(parsed.elements.find((e) => e.id === 'Lane_unit' && e.type === 'bpmn:Lane'), 'lanes are listed');
  t.ok(parsed.elements.find((e) => e.id === 'Event_reminder' && e.type === 'bpmn:BoundaryEvent'), 'boundary events are listed');
  t.ok(parsed.elements.find((e) => e.id === 'Flow_valid' && e.type === 'bpmn:SequenceFlow'), 'flows are listed');
  t.notOk(parsed.elements.find((e) => e.id.endsWith('_di')), 'diagram interchange is not an element');

  const context = parsed.serializedContext;
  t.same(JSON.parse(JSON.stringify(context)), context, 'serialized context is plain JSON');
  t.equal(context.id, 'Definitions_0k3w9yq');
  t.same((context.messageFlows as unknown[]).length, 0, 'the message flow from the black-box pool is dropped, not fatal');
});

t.test('the same diagram as a Buffer with BOM and CRLF keeps its line numbers', async (t) => {
  const xml = fixture('camunda-modeler-7.bpmn');
  const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml.replace(/\n/g, '\r\n'), 'utf8')]);
  const parsed = await parseBpmn(crlf, { resourceName: 'workorder.bpmn' });
  t.equal(parsed.elements.find((e) => e.id === 'Event_callback')?.line, lineOf(xml, 'id="Event_callback"'));
});

t.test('security: refused before any XML parser sees the text', async (t) => {
  t.test('billion laughs (DOCTYPE with entities)', async (t) => {
    const err = await parseFailure(fixture('billion-laughs.bpmn'));
    t.equal(err.name, 'BpmnParseError');
    t.equal(err.resourceName, 'test.bpmn');
    t.ok(err.message.startsWith(BPMN_PARSE_ERROR_PREFIX));
    t.match(err.problems, [{ message: /<!DOCTYPE> is not allowed/, line: 2 }]);
  });
  t.test('external entity, even inside CDATA and after the root opened', async (t) => {
    const xml = fixture('xxe.bpmn');
    const err = await parseFailure(xml);
    t.match(err.problems, [{ message: /<!ENTITY> is not allowed/, line: lineOf(xml, '<!ENTITY') }]);
  });
  t.test('lower-case doctype', async (t) => {
    const err = await parseFailure(`<?xml version="1.0"?>\n<!doctype x SYSTEM "http://example.com/x.dtd">\n${diagram('')}`);
    t.match(err.problems, [{ message: /DOCTYPE/, line: 2 }]);
  });
  t.test('size limit', async (t) => {
    const xml = diagram('<bpmn:startEvent id="StartEvent_1" />');
    t.match((await parseFailure(xml, { maxBytes: 100 })).problems, [{ message: /bytes; the limit is 100 bytes/ }]);
    const huge = diagram(`<!-- ${'x'.repeat(5 * 1024 * 1024)} -->`);
    t.match((await parseFailure(huge)).problems, [{ message: /the limit is 5242880 bytes/ }]);
  });
  t.test('bytes that are not UTF-8', async (t) => {
    const latin1 = Buffer.from(diagram('<bpmn:startEvent id="StartEvent_1" name="Grüße" />'), 'latin1');
    t.match((await parseFailure(latin1)).problems, [{ message: 'Resource is not valid UTF-8 text' }]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(diagram(''), 'utf16le')]);
    t.match((await parseFailure(utf16)).problems, [{ message: /UTF-16/ }]);
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    t.match((await parseFailure(binary)).problems, [{ message: /control character U\+0003/, line: 1 }]);
    t.match((await parseFailure(Buffer.alloc(0))).problems, [{ message: 'Resource is empty' }]);
    t.match((await parseFailure('\uD800' + diagram(''))).problems, [{ message: /lone surrogate/ }]);
  });
  t.test('a declared encoding other than UTF-8', async (t) => {
    const xml = diagram('').replace('encoding="UTF-8"', 'encoding="GBK"');
    t.match((await parseFailure(xml)).problems, [{ message: /declares encoding 'GBK'; only UTF-8/ }]);
  });
});

t.test('malformed XML is reported with line and column', async (t) => {
  const xml = fixture('malformed.bpmn');
  const err = await parseFailure(xml);
  t.match(err.problems, [{ message: /Malformed XML: closing tag mismatch/, line: lineOf(xml, '</bpmn:process>'), column: 5 }]);

  const attrs = await parseFailure(diagram('    <bpmn:startEvent id="StartEvent_1" name=Start />'));
  t.match(attrs.problems, [{ message: 'Malformed attributes in <bpmn:startEvent>', line: 4, column: 5, elementId: 'StartEvent_1' }]);

  const undeclared = await parseFailure(diagram('    <bpmn:startEvent id="StartEvent_1" zeebe:x="1" />'));
  t.match(undeclared.problems, [{ message: /prefix 'zeebe' of attribute 'zeebe:x' is not declared/, line: 4 }]);

  const outside = await parseFailure(diagram('') + 'trailing text');
  t.match(outside.problems, [{ message: 'Text outside the root element', line: 7 }]);

  t.match((await parseFailure('<foo/>')).problems, [{ message: /Unexpected root element <foo>/, line: 1 }]);
  t.match((await parseFailure('not xml at all')).problems, [{ message: /Text outside the root element/ }]);
});

// Not a performance test (bench/ measures speed): it catches super-linear parsing, which on these
// inputs takes minutes. CPU time of this process, so a busy machine does not fail it.
t.test('documents made to stall the parser are refused fast', async (t) => {
  const started = process.cpuUsage();
  const unknown = diagram('    <bpmn:foo />\n'.repeat(20_000));
  t.match((await parseFailure(unknown)).problems, [{ message: 'Unknown element <bpmn:foo>', line: 4 }]);
  const badAttributes = diagram(`    <bpmn:task id="t" ${'a '.repeat(50_000)}/>`);
  t.match((await parseFailure(badAttributes)).problems, [{ message: 'Malformed attributes in <bpmn:task>' }]);
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  t.ok(ms < 10_000, `took ${ms.toFixed(0)} ms of CPU`);
});

t.test('unknown BPMN/Camunda elements and attributes are errors; other namespaces are fine', async (t) => {
  const unknownXml = fixture('unknown-element.bpmn');
  t.match((await parseFailure(unknownXml)).problems, [
    { message: 'Unknown element <bpmn:approvalTask>', elementId: 'Activity_approve', line: lineOf(unknownXml, 'approvalTask') },
  ]);

  const camundaXml = fixture('unknown-camunda-element.bpmn');
  const camunda = await parseFailure(camundaXml);
  t.equal(camunda.problems.length, 1, 'the foo: extension is accepted');
  t.match(camunda.problems[0], { message: 'Unknown element <camunda:retryPolicy>', elementId: 'Activity_1', line: lineOf(camundaXml, 'retryPolicy') });

  const attrXml = fixture('unknown-attribute.bpmn');
  const attr = await parseFailure(attrXml);
  t.same(attr.problems.map((p) => [p.message, p.elementId, p.line]), [
    ["Unknown attribute 'camunda:assigne' on <bpmn:UserTask>", 'Activity_1', lineOf(attrXml, 'Activity_1')],
    ["Unknown attribute 'color' on <bpmn:EndEvent>", 'EndEvent_1', lineOf(attrXml, 'EndEvent_1')],
  ]);

  const foreign = diagram(`    <bpmn:userTask id="Activity_1">
      <bpmn:extensionElements><foo:meta xmlns:foo="http://example.com/foo" level="2"><foo:tag>x</foo:tag></foo:meta></bpmn:extensionElements>
    </bpmn:userTask>`);
  t.ok(await parseBpmn(foreign, { resourceName: 'x.bpmn' }));

  const dup = diagram('    <bpmn:task id="Task_1" />\n    <bpmn:task id="Task_1" />');
  t.match((await parseFailure(dup)).problems, [{ message: "Duplicate id 'Task_1'", line: 5, elementId: 'Task_1' }]);
});

t.test('no executable process', async (t) => {
  const err = await parseFailure(fixture('no-executable.bpmn'));
  t.same(err.problems.map((p) => p.message), ['No executable process: set isExecutable="true" on the process to deploy (a missing attribute counts as false)']);
});

t.test('non-executable processes are not validated, but must still load in the engine', async (t) => {
  const xml = `${MODELER_HEAD}
  <bpmn:process id="Process_1" isExecutable="true"><bpmn:startEvent id="StartEvent_1" /></bpmn:process>
  <bpmn:process id="Process_doc" isExecutable="false">
    <bpmn:serviceTask id="Task_java" camunda:class="org.example.X" />
    <bpmn:complexGateway id="Gateway_doc" />
  </bpmn:process>
</bpmn:definitions>`;
  const err = await parseFailure(xml);
  t.same(err.problems.map((p) => [p.elementId, p.line]), [['Gateway_doc', lineOf(xml, 'Gateway_doc')]]);
  t.match(err.problems[0]!.message, /<bpmn:ComplexGateway> cannot be run by the engine: Unknown activity type bpmn:ComplexGateway/);
});

t.test('elements the engine does not run are refused by name', async (t) => {
  const xml = fixture('unsupported-elements.bpmn');
  const { problems } = await parseFailure(xml);
  const expect: Array<[string, RegExp]> = [
    ['Conversation_1', /Conversations are not supported/],
    ['Gateway_complex', /Complex gateways are not supported/],
    ['Task_dmn', /DMN decisions \(camunda:decisionRef\) are not supported/],
    ['Transaction_1', /Transaction sub-processes are not supported/],
    ['Task_class', /camunda:class is not supported on <bpmn:ServiceTask>: Java delegates/],
    ['Task_delegate', /camunda:delegateExpression is not supported/],
    ['Task_expression', /camunda:expression is not supported/],
    ['Task_mail', /camunda:type 'mail' is not supported/],
    ['Task_plain', /<bpmn:ServiceTask> has no implementation/],
    ['Task_connector', /camunda:connector is not supported on <bpmn:SendTask>/],
    ['Task_listeners', /camunda:executionListener \(event 'start', camunda:script\) is not supported yet/],
    ['Task_listeners', /camunda:taskListener \(event 'create', camunda:class 'org.example.AssignListener'\)/],
    ['Event_messageClass', /camunda:class on a message event is not supported/],
    ['AdHoc_1', /Ad-hoc sub-processes are not supported/],
  ];
  for (const [id, pattern] of expect) {
    t.match(problemFor(problems, id, pattern), { line: lineOf(xml, `id="${id}"`) }, `${id} ${pattern}`);
  }
  t.equal(problems.length, expect.length, 'nothing else: an external business rule task is fine');
});

t.test('external tasks need a topic', async (t) => {
  const xml = fixture('external-task-topic.bpmn');
  const { problems } = await parseFailure(xml);
  t.same(problems.map((p) => [p.elementId, p.line]), [
    ['Task_noTopic', lineOf(xml, 'Task_noTopic')],
    ['Task_blankTopic', lineOf(xml, 'Task_blankTopic')],
  ]);
  t.match(problems[0]!.message, /needs a non-empty camunda:topic/);
});

t.test('scripts: only allowed formats, no external resources', async (t) => {
  const xml = fixture('scripts.bpmn');
  const err = await parseFailure(xml);
  t.ok(err.message.includes(`* Script format 'javascript' is not supported; use 'juel' | ScriptTask_1 | line ${lineOf(xml, 'id="ScriptTask_1"')}`), err.message);
  t.match(problemFor(err.problems, 'ScriptTask_resource', /camunda:resource/), { line: lineOf(xml, 'ScriptTask_resource') });
  t.match(problemFor(err.problems, 'Flow_script', /Script language 'javascript' of conditionExpression/), { line: lineOf(xml, 'id="Flow_script"') });
  t.match(problemFor(err.problems, 'Task_io', /Script format 'groovy' of camunda:script in camunda:inputParameter 'total'/), {});
  t.equal(err.problems.length, 4, "scriptFormat 'JUEL' is accepted case-insensitively");

  const allowed = await parseFailure(xml, { allowedScriptFormats: ['juel', 'JavaScript', 'groovy'] });
  t.same(allowed.problems.map((p) => p.elementId), ['ScriptTask_resource']);
});

t.test('expressions are handed to validateExpression and placed at their element', async (t) => {
  const xml = fixture('expressions.bpmn');
  const { problems } = await parseFailure(xml);
  const at = (id: string) => lineOf(xml, `id="${id}"`);
  const expect: Array<[string, RegExp]> = [
    ['Flow_bad', /Invalid expression in conditionExpression '\$\{level == 2 && bad\}': unknown identifier 'bad'/],
    ['Flow_literal', /conditionExpression 'approved' is not an expression/],
    ['Task_review', /camunda:assignee '\$\{bad.owner\}'/],
    ['Task_review', /camunda:dueDate '\$\{deadline\(bad\)\}'/],
    ['Task_review', /camunda:collection/],
    ['Task_review', /camunda:inputParameter 'caseNo' 'Case \$\{bad\}'/],
    ['Task_review', /camunda:inputParameter 'map' \(key 'broken'\)/],
    ['Event_due', /timeDuration '\$\{bad\}'/],
    ['ScriptTask_juel', /script '\$\{bad \* 2\}'/],
  ];
  for (const [id, pattern] of expect) t.match(problemFor(problems, id, pattern), { line: at(id) }, `${id} ${pattern}`);
  t.equal(problems.length, expect.length, 'valid expressions (candidateGroups, followUpDate, map entry ok) pass');

  const seen: string[] = [];
  await parseBpmn(fixture('camunda-modeler-7.bpmn'), { resourceName: 'x.bpmn', validateExpression: (text) => (seen.push(text), null) });
  t.same(new Set(seen), new Set(['${starter}', '${dueDate}', '${orderNo}', '${channel}', '${valid}', '${unit}', '${followUp}', '${units}', '${nrOfCompletedInstances >= 1}', '${deadline}']));

  const throwing = await parseFailure(diagram('    <bpmn:userTask id="Task_1" camunda:assignee="${x}" />'), {
    validateExpression: () => {
      throw new Error('parser exploded');
    },
  });
  t.match(throwing.problems, [{ elementId: 'Task_1', message: /parser exploded/ }]);
});

t.test('timers are parsed like the engine parses them', async (t) => {
  const xml = fixture('timers.bpmn');
  const err = await parseFailure(xml);
  const at = (id: string) => lineOf(xml, `id="${id}"`);
  t.same(err.problems.map((p) => [p.elementId, p.line]), [
    ['Event_badDuration', at('Event_badDuration')],
    ['Event_cron', at('Event_cron')],
    ['Event_badDate', at('Event_badDate')],
    ['Event_empty', at('Event_empty')],
  ]);
  t.match(err.problems[0]!.message, /timeDuration 'PT' is not a valid ISO 8601 value/);
  t.match(err.problems[1]!.message, /cron expressions are not supported/);
  t.match(err.problems[2]!.message, /Invalid ISO 8601 date/);
  t.same(err.warnings.map((w) => w.elementId), ['Event_localDate', 'Event_onceCycle']);
  t.match(err.warnings[0]!.message, /has no UTC offset and is read in the server's local time/);
});

t.test('references must exist, be of the right kind and carry their key', async (t) => {
  const xml = fixture('references.bpmn');
  const err = await parseFailure(xml);
  const at = (id: string) => lineOf(xml, `id="${id}"`);
  t.same(err.problems.map((p) => [p.elementId, p.line, p.message]), [
    ['Flow_1', at('Flow_1'), "targetRef 'Task_gone' of <bpmn:SequenceFlow> does not exist"],
    ['Event_missingMessage', at('Event_missingMessage'), "messageRef 'Message_missing' of <bpmn:MessageEventDefinition> does not exist"],
    ['Event_noMessageRef', at('Event_noMessageRef'), '<bpmn:MessageEventDefinition> has no messageRef'],
    ['Event_wrongKind', at('Event_wrongKind'), "messageRef 'Error_1' points at a <bpmn:Error>, not a <bpmn:Message>"],
    ['Event_unnamedMessage', at('Event_unnamedMessage'), "<bpmn:Message> 'Message_unnamed' referenced here has no name"],
    ['Event_missingError', at('Event_missingError'), "errorRef 'Error_missing' of <bpmn:ErrorEventDefinition> does not exist"],
    ['Event_errorEndNoRef', at('Event_errorEndNoRef'), '<bpmn:ErrorEventDefinition> has no errorRef'],
    ['Event_errorEndNoCode', at('Event_errorEndNoCode'), "<bpmn:Error> 'Error_noCode' referenced here has no errorCode"],
  ]);
  t.same(err.problems[3]!.elementIds, ['Event_wrongKind', 'Error_1']);
  t.match(err.warnings, [{ elementId: 'Task_deleted_di', line: at('Task_deleted_di'), message: /bpmnElement 'Task_deleted'/ }], 'stale diagram shapes only warn');
});

t.test('BpmnParseError carries Camunda ParseException details', async (t) => {
  const err = await parseFailure(fixture('external-task-topic.bpmn'), { resourceName: 'order.bpmn' });
  t.equal(err.message.split('\n')[0], 'ENGINE-09005 Could not parse BPMN process. Errors: ');
  t.same(err.toCamundaDetails(), {
    'order.bpmn': {
      errors: err.problems.map((p) => ({ message: p.message, line: p.line, column: 5, mainBpmnElementId: p.elementId, bpmnElementIds: [p.elementId] })),
      warnings: [],
    },
  });
  const noLine = await parseFailure(fixture('no-executable.bpmn'));
  t.same(noLine.toCamundaDetails()['test.bpmn']!.errors[0], { message: noLine.problems[0]!.message, line: 0, column: 0, mainBpmnElementId: null, bpmnElementIds: [] });
});
