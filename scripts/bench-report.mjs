// Statistics and the one table `npm run bench` prints.

/** Nearest-rank percentile (p in 0–100) of raw samples. */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export const p50 = (samples) => percentile(samples, 50);
export const p95 = (samples) => percentile(samples, 95);

export function ms(value) {
  if (!Number.isFinite(value)) return '—';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function bytes(value) {
  return `${(value / 1000).toFixed(2)} kB`;
}

export function count(value) {
  return value.toLocaleString('en-US');
}

/**
 * One row of the table. `verdict`: 'pass' / 'MISS' when a budget applies, 'info' when the
 * row is shown for context, 'n/a' when the figure could not be measured.
 */
export function row(figure, measured, budget, floor, verdict, data = {}) {
  return { figure, measured, budget, floor, verdict, data };
}

export function judged(ok) {
  return ok ? 'pass' : 'MISS';
}

export function formatTable(rows) {
  const header = ['figure', 'measured', 'budget', 'floor', 'verdict'];
  const cells = rows.map((r) => [r.figure, r.measured, r.budget, r.floor, r.verdict]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (values) => `| ${values.map((v, i) => String(v).padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}
