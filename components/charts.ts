// Every chart.js drawing of the Insights page, loaded on demand (a chunk of its own, so the rest
// of the dashboard opens without it). Only the pieces drawn here are registered, so the bundle
// keeps only those. Chart.js 4 and chartjs-chart-matrix use no eval or `new Function`, so they
// run under the extension pages' `script-src 'self'`.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type ScriptableContext,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { HEATMAP_WEEKDAYS, type ConnectHeatmap, type Funnel } from '@/lib/insights';
import { hourLabel, percentLabel } from './insight-format';

let registered = false;
function register(): void {
  if (registered) return;
  Chart.register(
    MatrixController,
    MatrixElement,
    BarController,
    BarElement,
    LinearScale,
    CategoryScale,
    Tooltip,
  );
  registered = true;
}

/** What a drawing hands back: the page destroys it when the data changes or it unmounts. */
export interface Drawing {
  destroy(): void;
}

function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The accent colour with an opacity, for a cell's rate (0–1). */
function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return hex;
  const [, r, g, b] = match.map((part) => parseInt(part, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

const SHORT_WEEKDAYS = HEATMAP_WEEKDAYS.map((day) => day.slice(0, 3));

export function drawHeatmap(
  context: CanvasRenderingContext2D,
  heatmap: ConnectHeatmap,
  hours: readonly number[],
): Drawing {
  register();
  const accent = themeColor('--accent', '#1f6feb');
  const empty = themeColor('--surface', '#f4f6fa');
  const muted = themeColor('--muted', '#5b6475');
  const cells = heatmap.flatMap((row, day) =>
    hours.map((hour) => ({ day, hour, cell: row[hour] ?? { dials: 0, connects: 0, rate: null } })),
  );
  const cellAt = (index: number) => cells[index];
  return new Chart(context, {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: 'Connect rate',
          data: cells.map(({ day, hour }) => ({
            x: hourLabel(hour),
            y: SHORT_WEEKDAYS[day] ?? '',
          })),
          backgroundColor: (ctx: ScriptableContext<'matrix'>) => {
            const rate = cellAt(ctx.dataIndex)?.cell.rate;
            // At least a tint for 0%, so "dialled, nobody answered" differs from "not dialled".
            return rate === null || rate === undefined
              ? empty
              : withAlpha(accent, 0.12 + 0.88 * rate);
          },
          borderColor: muted,
          borderWidth: 0,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / hours.length - 2,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / SHORT_WEEKDAYS.length - 2,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: {
          type: 'category',
          labels: hours.map(hourLabel),
          offset: true,
          grid: { display: false },
          ticks: { color: muted },
        },
        y: {
          type: 'category',
          labels: [...SHORT_WEEKDAYS],
          // Monday on top, as in the table.
          reverse: true,
          offset: true,
          grid: { display: false },
          ticks: { color: muted },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: ([item]) => {
              const at = item && cellAt(item.dataIndex);
              return at ? `${HEATMAP_WEEKDAYS[at.day]} ${hourLabel(at.hour)}` : '';
            },
            label: (item) => {
              const at = cellAt(item.dataIndex);
              if (!at || at.cell.rate === null) return 'No dials';
              return `${percentLabel(at.cell.rate)} connected (${at.cell.connects} of ${at.cell.dials} dials)`;
            },
          },
        },
      },
    },
  });
}

export function drawFunnel(context: CanvasRenderingContext2D, steps: Funnel): Drawing {
  register();
  const accent = themeColor('--accent', '#1f6feb');
  const muted = themeColor('--muted', '#5b6475');
  return new Chart(context, {
    type: 'bar',
    data: {
      labels: ['Dials', 'Connects', 'Meetings booked', 'Advanced'],
      datasets: [
        {
          label: 'Count',
          data: [steps.dials, steps.connects, steps.meetings, steps.advanced],
          backgroundColor: accent,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', beginAtZero: true, ticks: { precision: 0, color: muted } },
        y: { type: 'category', grid: { display: false }, ticks: { color: muted } },
      },
    },
  });
}
