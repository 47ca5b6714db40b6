import { useEffect, useRef } from 'react';
import type { Drawing } from './charts';

type Charts = typeof import('./charts');
/** Draws on the canvas with the lazily loaded chart module; keep it stable (useCallback) and
 *  change it when the data changes: the chart is rebuilt then. */
export type Draw = (charts: Charts, context: CanvasRenderingContext2D) => Drawing;

/** A chart.js canvas, redrawn when `draw` changes and destroyed on unmount. The numbers are
 *  always in a table beside it, so the canvas is only a picture of them. */
export function ChartCanvas({
  label,
  height,
  draw,
}: {
  label: string;
  height: number;
  draw: Draw;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    // No 2D context (a test DOM, a browser blocking canvas): the table carries the numbers.
    if (!context) return;
    let drawing: Drawing | undefined;
    let gone = false;
    import('./charts').then(
      (charts) => {
        if (!gone) drawing = draw(charts, context);
      },
      // The chart chunk failed to load: nothing to draw, the tables still say everything.
      () => undefined,
    );
    return () => {
      gone = true;
      drawing?.destroy();
    };
  }, [draw]);
  return (
    <div className="chart" style={{ position: 'relative', height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
