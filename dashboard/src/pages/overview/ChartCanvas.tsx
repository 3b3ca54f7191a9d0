import { useEffect, useRef } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only the pieces these charts use, so the bundle does not carry every chart type.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * One Chart.js chart, rebuilt when its configuration changes. `values` is the
 * plotted data as plain numbers, kept on the element for tests and assistive tools.
 */
export function ChartCanvas({ config, label, testId, values, height = 220 }: {
  config: ChartConfiguration<'bar' | 'line'>; label: string; testId: string; values: number[][]; height?: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div style={{ position: 'relative', height }} data-testid={testId} data-values={JSON.stringify(values)}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}
