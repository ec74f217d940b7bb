import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BpmnParseError, parseBpmn, type BpmnProblem, type ParseBpmnOptions } from '../../src/definitions/bpmn/index.js';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/bpmn/${name}`, import.meta.url)), 'utf8');
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(xml: string, needle: string): number {
  const index = xml.split(/\r\n|\r|\n/).findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' not in fixture`);
  return index + 1;
}

/** Stub for the expression evaluator: anything mentioning `bad` is invalid. */
export const stubValidator = (text: string): string | null => (/\bbad\b/.test(text) ? `unknown identifier 'bad'` : null);

export async function parseFailure(xml: string | Buffer, options: Partial<ParseBpmnOptions> = {}): Promise<BpmnParseError> {
  try {
    await parseBpmn(xml, { resourceName: 'test.bpmn', validateExpression: stubValidator, ...options });
  } catch (err) {
    if (err instanceof BpmnParseError) return err;
    throw err;
  }
  throw new Error('expected BpmnParseError');
}

export function problemFor(problems: BpmnProblem[], elementId: string, pattern: RegExp): BpmnProblem | undefined {
  return problems.find((p) => p.elementId === elementId && pattern.test(p.message));
}

export const MODELER_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.20.0">`;

/** A minimal executable diagram around `inner` (flow elements of Process_1). */
export function diagram(inner: string, after = ''): string {
  return `${MODELER_HEAD}\n  <bpmn:process id="Process_1" isExecutable="true">\n${inner}\n  </bpmn:process>${after}\n</bpmn:definitions>\n`;
}
