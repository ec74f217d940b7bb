import { useEffect, useRef } from 'preact/hooks';
import type { ChartConfiguration, ChartData, ChartType } from 'chart.js';
import { Chart } from './chart-setup.js';

/**
 * One chart.js instance on the returned canvas: created on mount with `config`, given new data
 * whenever `data` changes (same instance, so no flicker), destroyed on unmount.
 */
export function useChart<T extends ChartType>(config: Omit<ChartConfiguration<T>, 'data'>, data: ChartData<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T>>();
  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart<T>(canvas.current, { ...config, data } as ChartConfiguration<T>);
    return () => chart.current?.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the configuration is fixed per chart
  }, []);
  useEffect(() => {
    const c = chart.current;
    if (!c || c.data === data) return;
    c.data = data;
    c.update();
  }, [data]);
  return canvas;
}
