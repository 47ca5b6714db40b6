// Small timing helpers for the bench page. Raw samples go back to Node, which computes the
// percentiles (scripts/bench-stats.mjs), so the page only measures.

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export function timeSync(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Lets the page breathe between samples (pending tasks, GC), so samples stay independent. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

interface LongTaskWatch {
  /** Durations (ms) of the main-thread tasks over 50 ms seen so far. */
  stop(): Promise<number[]>;
}

/** Records long tasks (the browser reports those over 50 ms) until `stop`. */
export function watchLongTasks(): LongTaskWatch {
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    async stop() {
      // Entries are delivered after the task ends: let the last one arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const entry of observer.takeRecords()) seen.push(entry.duration);
      observer.disconnect();
      return seen;
    },
  };
}
