// Types for tests/e2e/panel-size.e2e.ts, which reads the built side panel's first scripts.
export const PANEL_INITIAL_JS_BUDGET_BYTES: number;

export const NOT_ON_FIRST_SCREEN: readonly { what: string; marker: string }[];

export function initialScripts(
  buildDir: string,
  page: string,
): {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
};

export function unwantedOnFirstScreen(buildDir: string, page: string): string[];
