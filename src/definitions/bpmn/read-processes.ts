import { text, type ModdleElement } from './moddle-types.js';
import type { Problems } from './problems.js';
import type { BpmnProcessInfo } from './types.js';
import { processesOf } from './walk.js';

/** What a deployment records about each process; problems with its attributes go to `problems`. */
export function readProcesses(definitions: ModdleElement, problems: Problems): BpmnProcessInfo[] {
  return processesOf(definitions).map((process) => {
    const name = text(process, 'name');
    const versionTag = text(process, 'versionTag');
    const historyTimeToLive = parseHistoryTimeToLive(process, problems);
    return {
      id: process.id!,
      ...(name !== undefined && { name }),
      // bpmn-elements runs only processes flagged executable; a missing flag means "no" here.
      isExecutable: process.isExecutable === true,
      ...(versionTag !== undefined && { versionTag }),
      ...(historyTimeToLive !== undefined && { historyTimeToLive }),
      startableInTasklist: process.isStartableInTasklist !== false,
    };
  });
}

/** Camunda accepts a number of days, or an ISO 8601 period of days (`P180D`). */
function parseHistoryTimeToLive(process: ModdleElement, problems: Problems): number | undefined {
  const raw = text(process, 'historyTimeToLive')?.trim();
  if (!raw) return undefined;
  const days = /^(\d{1,9})$/.exec(raw) ?? /^P(\d{1,9})D$/i.exec(raw);
  if (days) return Number(days[1]);
  if (process.isExecutable === true) {
    problems.error(process, `camunda:historyTimeToLive '${raw}' must be a number of days or an ISO 8601 period of days (P180D)`);
  }
  return undefined;
}
