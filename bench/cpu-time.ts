import { readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * CPU seconds spent by processes, read from /proc: on a busy machine wall-clock rates swing
 * with everyone else's work, CPU time per instance much less. Linux only; elsewhere `null`.
 */

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux everywhere in practice). */
const TICKS_PER_SECOND = 100;

/** utime + stime of one process in seconds, or null when it is gone or /proc is missing. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** This process's own CPU time in seconds (user + system). */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * CPU seconds of the PostgreSQL backends serving `database`, keyed by backend pid. Backends
 * started during a measurement count from zero; one that exits during it is lost, which with
 * the service's long-lived pool does not happen under steady load.
 */
export async function postgresBackendsCpu(adminUrl: string, database: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      const s = processCpuSeconds(pid);
      if (s !== null) out.set(pid, s);
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Seconds spent between two backend snapshots. */
export function backendsDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, s] of after) sum += s - (before.get(pid) ?? 0);
  return sum;
}
