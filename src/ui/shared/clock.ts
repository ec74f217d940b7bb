/**
 * The service's time, not the browser's: deadlines are counted against it. A TEST_CLOCK service
 * runs at the test's time, and an office PC's clock may be wrong. The offset is read at sign-in
 * and whenever a page asks; every `useServerNow` re-renders when it changes, so a page mounted
 * before the first reading does not keep the PC's time.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

interface Context {
  now: string;
  timeZone: string;
  testClock: boolean;
}

let offsetMs = 0;
let firstSync: Promise<void> | null = null;
const listeners = new Set<() => void>();

export async function syncClock(): Promise<void> {
  const before = Date.now();
  const context = await api<Context>('/api/ui/context');
  const after = Date.now();
  offsetMs = new Date(context.now).getTime() - (before + after) / 2;
  firstSync ??= Promise.resolve();
  for (const listener of listeners) listener();
}

/** Resolves once the service's time has been read at least once (reads it if nobody has). */
export function clockSynced(): Promise<void> {
  firstSync ??= syncClock().catch((error) => {
    firstSync = null;
    throw error;
  });
  return firstSync;
}

/**
 * False until the service's time has been read once: a page whose defaults depend on "now"
 * (本月, this year) shows nothing rather than the PC's month. A failed read counts as ready (the
 * page then works on the PC's time and its requests show the real trouble).
 */
export function useClockReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    clockSynced()
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The service time, re-rendering the caller every `everyMs` and when the offset is re-read. */
export function useServerNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const update = () => setNow(serverNow());
    listeners.add(update);
    const timer = setInterval(update, everyMs);
    return () => {
      listeners.delete(update);
      clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
