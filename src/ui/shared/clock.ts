/**
 * The service's time, not the browser's: deadlines are counted against it. A TEST_CLOCK service
 * runs at the test's time, and an office PC's clock may be wrong. The offset is read at sign-in
 * and every minute after.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

interface Context {
  now: string;
  timeZone: string;
  testClock: boolean;
}

let offsetMs = 0;

export async function syncClock(): Promise<void> {
  const before = Date.now();
  const context = await api<Context>('/api/ui/context');
  const after = Date.now();
  offsetMs = new Date(context.now).getTime() - (before + after) / 2;
}

export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The service time, re-rendering the caller every `everyMs`. */
export function useServerNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
