/** A process `key` whose only start event is a timer, leading to one user task. */
export function timerStartXml(key: string, timerType: 'timeDate' | 'timeCycle' | 'timeDuration', value: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_${key}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${key}" name="定时巡查" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="StartTimer" name="到点开始">
      <bpmn:outgoing>Flow_start</bpmn:outgoing>
      <bpmn:timerEventDefinition id="Timer_start">
        <bpmn:${timerType} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${timerType}>
      </bpmn:timerEventDefinition>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_start" sourceRef="StartTimer" targetRef="Inspect" />
    <bpmn:userTask id="Inspect" name="巡查" camunda:candidateGroups="unit">
      <bpmn:incoming>Flow_start</bpmn:incoming>
      <bpmn:outgoing>Flow_done</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_done" sourceRef="Inspect" targetRef="End" />
    <bpmn:endEvent id="End">
      <bpmn:incoming>Flow_done</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;
}
