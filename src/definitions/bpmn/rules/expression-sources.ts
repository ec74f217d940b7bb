import { child, extensions, many, text, type ModdleElement } from '../moddle-types.js';

/** A `bpmn:FormalExpression` found on an element, with a label for messages. */
export interface FoundFormalExpression {
  where: string;
  expression: ModdleElement;
}

const TIMER_TYPES = ['timeDuration', 'timeDate', 'timeCycle'] as const;

export function formalExpressionsOf(element: ModdleElement): FoundFormalExpression[] {
  const found: FoundFormalExpression[] = [];
  const add = (where: string, expression: ModdleElement | undefined) => expression && found.push({ where, expression });
  add('conditionExpression', child(element, 'conditionExpression'));
  for (const definition of many(element, 'eventDefinitions')) {
    add('condition', child(definition, 'condition'));
    for (const type of TIMER_TYPES) add(type, child(definition, type));
  }
  const loop = child(element, 'loopCharacteristics');
  add('loopCardinality', child(loop, 'loopCardinality'));
  add('completionCondition', child(loop, 'completionCondition'));
  add('loopCondition', child(loop, 'loopCondition'));
  return found;
}

/** One value of a `camunda:inputOutput` mapping: a text, or a `camunda:script`. */
export interface IoValue {
  where: string;
  value?: string;
  script?: ModdleElement;
}

/** Every value of the element's input/output mappings, through nested lists and maps. */
export function ioValuesOf(element: ModdleElement): IoValue[] {
  const found: IoValue[] = [];
  const visit = (where: string, value: string | undefined, definition: ModdleElement | undefined) => {
    if (value !== undefined) found.push({ where, value });
    if (!definition) return;
    switch (definition.$type) {
      case 'camunda:Script':
        found.push({ where, script: definition });
        break;
      case 'camunda:Value':
        found.push({ where, ...(text(definition, 'value') !== undefined && { value: text(definition, 'value') }) });
        break;
      case 'camunda:List':
        for (const item of many(definition, 'items')) visit(where, undefined, item);
        break;
      case 'camunda:Map':
        for (const entry of many(definition, 'entries')) visit(`${where} (key '${text(entry, 'key')}')`, text(entry, 'value'), child(entry, 'definition'));
        break;
    }
  };
  for (const io of extensions(element, 'camunda:InputOutput')) {
    for (const p of many(io, 'inputParameters')) visit(`camunda:inputParameter '${text(p, 'name')}'`, text(p, 'value'), child(p, 'definition'));
    for (const p of many(io, 'outputParameters')) visit(`camunda:outputParameter '${text(p, 'name')}'`, text(p, 'value'), child(p, 'definition'));
  }
  return found;
}

/** A juel script body is one expression; Modeler users write it bare or wrapped in `${}`. */
export function juelBodyAsExpression(body: string): string {
  const trimmed = body.trim();
  return /^[$#]\{[\s\S]*\}$/.test(trimmed) ? trimmed : `\${${trimmed}}`;
}
