import { useEffect, useState } from 'preact/hooks';
import { syncClock } from '../shared/clock.js';

/**
 * True once the service's time is known. The shell syncs the clock when it mounts, but without
 * telling anyone when that is done; a page opened straight after sign-in would otherwise compute
 * 本月 from the browser's clock. One extra small request per visit.
 */
export function useClockReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    syncClock()
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
