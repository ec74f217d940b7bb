import t from 'tap';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
// @ts-ignore TS7016 — bpmn-moddle 10 has no types for its main entry (see src/definitions/bpmn/read-moddle.ts).
import { BpmnModdle as UntypedBpmnModdle } from 'bpmn-moddle';

/* eslint-disable @typescript-eslint/no-explicit-any -- moddle elements are untyped */

// processes/README.md must stay true to the diagrams: every element id it names exists, and the
// task-variable tables list every field a user task accepts.

const require = createRequire(import.meta.url);
const camunda = require('camunda-bpmn-moddle/resources/camunda.json') as object;
const BpmnModdle = UntypedBpmnModdle as new (packages: object) => { fromXML(xml: string): Promise<{ rootElement: any }> };
const dir = new URL('../../processes/', import.meta.url);
const readme = readFileSync(new URL('README.md', dir), 'utf8');
const schemes = [
  { file: 'puyang.bpmn', rules: '### 1. 濮阳' },
  { file: 'pingdingshan.bpmn', rules: '### 2. 平顶山' },
  { file: 'huojia.bpmn', rules: '### 3. 获嘉' },
  { file: 'xiangtan.bpmn', rules: '### 4. 湘潭' },
  { file: 'kaifeng.bpmn', rules: '### 5. 开封' },
];

function section(heading: string): string {
  const start = readme.indexOf(heading);
  if (start < 0) return '';
  const next = readme.indexOf('\n#', start + heading.length);
  return readme.slice(start, next < 0 ? undefined : next);
}

for (const { file, rules } of schemes) {
  t.test(file, async (t) => {
    const { rootElement } = await new BpmnModdle({ camunda }).fromXML(readFileSync(new URL(file, dir), 'utf8'));
    const process = rootElement.rootElements.find((e: any) => e.$type === 'bpmn:Process');
    const ids = new Set<string>((process.flowElements as any[]).map((e) => e.id));

    const ruleRows = section(rules);
    t.ok(ruleRows, `README has a rule table for ${file}`);
    // Element ids in the table are backticked CamelCase words (variables are camelCase, values lower-case).
    const named = [...ruleRows.matchAll(/`([A-Z][A-Za-z0-9]*)`/g)].map((m) => m[1]!);
    t.same(named.filter((id) => !ids.has(id)), [], 'every element the rule table names exists in the diagram');

    const variables = section(`### ${file}`);
    t.ok(variables, `README lists the task variables of ${file}`);
    const missing: string[] = [];
    for (const task of (process.flowElements as any[]).filter((e) => e.$type === 'bpmn:UserTask')) {
      if (!variables.includes(`\`${task.id}\``)) missing.push(task.id);
      const form = (task.extensionElements?.values ?? []).find((v: any) => v.$type === 'camunda:FormData');
      for (const field of form?.fields ?? []) {
        const readonly = (field.validation?.constraints ?? []).some((c: any) => c.name === 'readonly');
        if (!readonly && !variables.includes(`\`${field.id}\``)) missing.push(`${task.id}.${field.id}`);
      }
    }
    t.same(missing, [], 'every user task and every field it accepts is documented');
  });
}
