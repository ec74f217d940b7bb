import t from 'tap';
import { startTestApp } from '../support/harness.js';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="refusal" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Handle" />
    <bpmn:userTask id="Handle" name="办理 \${orderNo}" camunda:candidateGroups="unit">
      <bpmn:extensionElements>
        <camunda:formData>
          <camunda:formField id="outcome" label="办理结果" type="enum">
            <camunda:properties><camunda:property id="refusalMessage" value="超期后不得申请延期（实施方案 四(二)一）" /></camunda:properties>
            <camunda:validation><camunda:constraint name="required" /></camunda:validation>
            <camunda:value id="replied" name="已办结" />
          </camunda:formField>
        </camunda:formData>
      </bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Handle" targetRef="E" />
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

const ctx = await startTestApp();
t.teardown(() => ctx.close());

t.test('a refused enum value is answered with the rule the diagram quotes; the task stays open', async (t) => {
  const { definitions } = await ctx.services.deployments.deploy({
    name: 'refusal', source: null, tenantId: null, enableDuplicateFiltering: false, deployChangedOnly: false,
    resources: [{ name: 'refusal.bpmn', content: Buffer.from(xml) }],
  });
  const { outcome } = await ctx.services.starter.start({ id: definitions![0]!.id }, { businessKey: 'PY-1', variables: { orderNo: 'PY-20261123-0001' } });
  const tasks = (await ctx.app.inject({ method: 'GET', url: `/engine-rest/task?processInstanceId=${outcome.instanceId}` })).json();
  t.equal(tasks[0].name, '办理 PY-20261123-0001', 'the task name expression is resolved');
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/engine-rest/task/${tasks[0].id}/complete`,
    payload: { variables: { outcome: { value: 'extend', type: 'String' } } },
  });
  t.equal(res.statusCode, 400);
  t.match(res.json().message, /outcome: must be one of replied\. 超期后不得申请延期（实施方案 四\(二\)一）/);
  const again = (await ctx.app.inject({ method: 'GET', url: `/engine-rest/task/${tasks[0].id}` }));
  t.equal(again.statusCode, 200, 'still open');
});
