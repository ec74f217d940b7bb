/**
 * The modeler proper, loaded only when 流程设计 opens (bpmn-js, the properties panel and bpmnlint
 * are most of the console's weight): bpmn-js with the Camunda 7 properties (candidate groups,
 * timers, external topics, form fields), Camunda's modelling behaviours, and live bpmnlint.
 */
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import LintModule from 'bpmn-js-bpmnlint';
import { packedLintConfig } from './lint-config.js';
import { translateModule } from './translate.js';

export interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
}

export interface ModelerHandle {
  modeler: Modeler;
  destroy(): void;
}

export function createModeler(canvas: HTMLElement, properties: HTMLElement, onLint: (issues: Record<string, LintIssue[]>) => void, onChange: () => void): ModelerHandle {
  const modeler = new Modeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule, CamundaBehaviorsModule, LintModule, translateModule],
    moddleExtensions: { camunda: camundaModdle },
    linting: { bpmnlint: packedLintConfig, active: true },
  });
  const eventBus = modeler.get<{ on(event: string, cb: (e: { issues: Record<string, LintIssue[]> }) => void): void }>('eventBus');
  eventBus.on('linting.completed', (e) => onLint(e.issues));
  eventBus.on('commandStack.changed', () => onChange());
  return { modeler, destroy: () => modeler.destroy() };
}

/** Shows an element the lint list names: scrolls it into view and selects it. */
export function focusElement(modeler: Modeler, id: string): void {
  const element = modeler.get<{ get(id: string): object | undefined }>('elementRegistry').get(id);
  if (!element) return;
  modeler.get<{ scrollToElement(e: object): void }>('canvas').scrollToElement(element);
  modeler.get<{ select(e: object): void }>('selection').select(element);
}

/** A blank executable scheme for a region: one start event, ready for the first tasks. */
export function blankDiagram(processId: string, name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${processId}" targetNamespace="http://suqiu.example/schemes/${processId}">
  <bpmn:process id="${processId}" name="${name}" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="Start" name="接诉登记" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${processId}">
    <bpmndi:BPMNPlane id="Plane_${processId}" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="160" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
