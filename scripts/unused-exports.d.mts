// Types for tests/unit/lint/unused-exports.test.ts, which runs the checker on in-memory files.
export interface UnusedExport {
  file: string;
  name: string;
}

export function findUnused(
  files: Map<string, string>,
  allowed?: Set<string>,
): { unusedExports: UnusedExport[]; unusedFiles: string[]; testOnly: UnusedExport[] };

export function readAllowed(text: string): Set<string>;

export function checkRepository(root?: string): ReturnType<typeof findUnused>;
