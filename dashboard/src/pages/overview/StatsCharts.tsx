import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { StatsResponse } from '../../../../api/src/contract/index.ts';
import { intlLocale } from '../../i18n/index.ts';
import { ChartCanvas } from './ChartCanvas.tsx';

const BLUE = '#0d6efd';
const GREEN = '#198754';

const shortDay = (date: string) =>
  new Intl.DateTimeFormat(intlLocale(), { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** Orders (bars) and revenue (line, right axis) for each day of the week. */
export function DaysChart({ stats, currency }: { stats: StatsResponse; currency: string }) {
  const { t, i18n } = useTranslation();
  const orders = stats.series.map((b) => b.orders);
  const revenue = stats.series.map((b) => b.revenueCents / 100);
  // Rebuilt when the figures or the UI language change.
  const config = useMemo<ChartConfiguration<'bar' | 'line'>>(() => ({
    type: 'bar',
    data: {
      labels: stats.series.map((b) => shortDay(b.date)),
      datasets: [
        { type: 'bar', label: t('overview.charts.orders'), data: orders, backgroundColor: BLUE, yAxisID: 'y', order: 2 },
        { type: 'line', label: t('overview.charts.revenue', { currency }), data: revenue, borderColor: GREEN, backgroundColor: GREEN, yAxisID: 'y1', tension: 0.3, order: 1 },
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 } },
        y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } },
      },
    },
  }), [stats, currency, i18n.language]);
  return <ChartCanvas config={config} label={t('overview.charts.daysTitle')} testId="chart-days" values={[orders, revenue]} />;
}

/** Answered calls for each hour of today. */
export function HoursChart({ stats }: { stats: StatsResponse }) {
  const { t, i18n } = useTranslation();
  const calls = stats.series.map((b) => b.callsAnswered);
  const config = useMemo<ChartConfiguration<'bar' | 'line'>>(() => ({
    type: 'bar',
    data: {
      labels: stats.series.map((b) => (b.time ?? '').slice(0, 2) + 'h'),
      datasets: [{ type: 'bar', label: t('overview.charts.calls'), data: calls, backgroundColor: BLUE }],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { autoSkip: true, maxRotation: 0 } } },
    },
  }), [stats, i18n.language]);
  return <ChartCanvas config={config} label={t('overview.charts.hoursTitle')} testId="chart-hours" values={[calls]} />;
}
