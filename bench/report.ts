import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './machine.js';
import type { RawEngineResult } from './raw-engine.js';
import type { RoundTripResult } from './http-round-trip.js';
import { p50p99 } from './stats.js';

export const SECTION = 'Engine round trip';

/** CPU ms per instance at one level; null where it could not be read. */
export interface LevelCpu {
  service: number | null;
  postgres: number | null;
  /** The bench's own HTTP client (it shares the machine). */
  client: number;
}

export interface Report {
  date: string;
  machine: Machine;
  loadAtEnd: number;
  diagram: string;
  serviceLogLevel: string;
  raw: RawEngineResult;
  levels: RoundTripResult[];
  cpu: LevelCpu[];
}

/** The markdown of one run: tables first, then what was measured and on what. */
export function renderSection(r: Report): string {
  const best = r.levels.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const single = r.levels.find((l) => l.concurrency === 1);
  const m = r.machine;
  const lines = [
    `## ${SECTION}`,
    '',
    `Measured ${r.date} with \`npm run bench\` (bench/run.ts). One instance = start → find the user task → claim → complete → end,`,
    `over HTTP against the service in a child process on PostgreSQL (a fresh database per run). Diagram: \`${r.diagram}\``,
    '(the user task takes its candidate group from `${unit}`, validates a required `reply` form field, and `resolved=true` takes the',
    'gateway to the end event). Latencies are per HTTP call as the client saw it, in milliseconds, p50 / p99.',
    '',
    '| clients at once | instances | instances/s | start | GET /task | claim | complete | whole instance |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.levels.map((l) => `| ${l.concurrency} | ${l.instances} | **${l.perSecond.toFixed(1)}** | ${p50p99(l.start)} | ${p50p99(l.findTask)} | ${p50p99(l.claim)} | ${p50p99(l.complete)} | ${p50p99(l.whole)} |`),
    '',
    'The ceiling, plain bpmn-engine in memory on the same diagram in the bench process (parsed once, `execute` with `unit`,',
    '`signal` with `reply`/`resolved`, wait for `end`; no database, no HTTP, bpmn-engine\'s default expressions, logging off):',
    '',
    '| engine | instances | instances/s | start → end p50 / p99 |',
    '|---|---:|---:|---:|',
    `| bpmn-engine ${r.raw.engineVersion}, in memory | ${r.raw.instances} | **${r.raw.perSecond.toFixed(1)}** | ${p50p99(r.raw.latency)} |`,
    '',
    'CPU time per instance, in ms, read from /proc (less sensitive than wall time to other work on the machine):',
    '',
    '| clients at once | service process | PostgreSQL backends | service + PostgreSQL | bench client | raw bpmn-engine |',
    '|---:|---:|---:|---:|---:|---:|',
    ...r.levels.map((l, i) => {
      const c = r.cpu[i]!;
      const both = c.service !== null && c.postgres !== null ? c.service + c.postgres : null;
      return `| ${l.concurrency} | ${ms(c.service)} | ${ms(c.postgres)} | ${ms(both)} | ${ms(c.client)} | ${ms(r.raw.cpuMsPerInstance)} |`;
    }),
    '',
    `**Service / raw engine: ${pct(best.perSecond / r.raw.perSecond)}** at the best level (${best.concurrency} clients, ${best.perSecond.toFixed(1)}/s)` +
      (single ? `; ${pct(single.perSecond / r.raw.perSecond)} with one client at a time.` : '.') +
      cpuRatio(r),
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; Node ${m.node}; PostgreSQL ${m.postgres} on the same machine`,
    `(local socket over TCP, default settings). The client, the service and PostgreSQL share the ${m.cores} cores, so the client's own`,
    `work counts against the service. 1-minute load average ${m.loadAtStart.toFixed(2)} at the start and ${r.loadAtEnd.toFixed(2)} at the end`,
    '(other work on the machine; anything near or above the core count makes these numbers low and noisy).',
    `Service log level \`${r.serviceLogLevel}\` (\`info\` writes a line per request). Each level runs after a warm-up on the same service`,
    'and database, so the tables grow from level to level as they would in a day\'s work.',
    '',
  ];
  return lines.join('\n');
}

/** The same ratio in CPU time: raw engine CPU per instance over service + PostgreSQL CPU per instance. */
function cpuRatio(r: Report): string {
  const costs = r.cpu.map((c) => (c.service !== null && c.postgres !== null ? c.service + c.postgres : null)).filter((c): c is number => c !== null);
  if (costs.length === 0) return '';
  const cheapest = Math.min(...costs);
  return ` In CPU time per instance: ${pct(r.raw.cpuMsPerInstance / cheapest)} (raw engine ${r.raw.cpuMsPerInstance.toFixed(1)} ms against service + PostgreSQL ${cheapest.toFixed(1)} ms at its cheapest level).`;
}

function ms(x: number | null): string {
  return x === null ? '—' : x.toFixed(1);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

/**
 * Writes the section into docs/benchmarks.md, replacing an earlier run of the same section and
 * leaving every other section (e.g. Timers) as it is.
 */
export function writeSection(file: string, section: string): void {
  const heading = `## ${SECTION}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nMeasured results; each section says how it was measured and on what.\n';
  const start = text.indexOf(`${heading}\n`);
  let out: string;
  if (start === -1) {
    out = `${text.trimEnd()}\n\n${section.trimEnd()}\n`;
  } else {
    const nextAt = text.slice(start + heading.length).search(/\n## /);
    const end = nextAt === -1 ? text.length : start + heading.length + nextAt + 1;
    out = `${text.slice(0, start)}${section.trimEnd()}\n${end < text.length ? `\n${text.slice(end)}` : ''}`;
  }
  writeFileSync(file, out);
}
