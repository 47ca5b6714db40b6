import { describe, expect, it } from 'vitest';
import { checkRepository, findUnused, readAllowed } from '../../../scripts/unused-exports.mjs';

// `npm run lint` refuses code nobody calls (scripts/unused-exports.mjs). What it counts as a
// use is pinned here on small in-memory projects.
function unused(files: Record<string, string>, allow = '') {
  const result = findUnused(new Map(Object.entries(files)), readAllowed(allow));
  return {
    exports: result.unusedExports.map(({ file, name }) => `${file}#${name}`),
    files: result.unusedFiles,
  };
}

describe('lint: no dead code', () => {
  it('reports an export no other file imports, even one its own file uses', () => {
    const found = unused({
      'lib/coach/days.ts': [
        'export const DAY = 1;',
        'export function isBusinessDay(d: number) { return d < 5 * DAY; }',
        'export function isMidweek(d: number) { return isBusinessDay(d); }',
      ].join('\n'),
      'entrypoints/background.ts': "import { isMidweek } from '@/lib/coach/days';\nisMidweek(1);",
    });
    expect(found.exports).toEqual(['lib/coach/days.ts#DAY', 'lib/coach/days.ts#isBusinessDay']);
  });

  it('reports a file nothing imports, but not an entrypoint WXT loads', () => {
    const found = unused({
      'lib/db/settings.ts': 'export function emptySettings() { return {}; }',
      'entrypoints/page-tools.ts': 'export default 1;',
    });
    expect(found.files).toEqual(['lib/db/settings.ts']);
    expect(found.exports).toEqual(['lib/db/settings.ts#emptySettings']);
  });

  it('follows relative paths, type imports, re-exports and `export *` to the declaring file', () => {
    const found = unused({
      'lib/model/index.ts': "export * from './zone';\nexport { type Stage } from './stage';",
      'lib/model/zone.ts': 'export const isKnownZone = () => true;\nexport const unusedZone = 1;',
      'lib/model/stage.ts': "export type Stage = 'new';\nexport type Unused = 1;",
      'components/Panel.tsx': [
        "import { isKnownZone, type Stage } from '../lib/model';",
        'export function Panel(s: Stage) { return isKnownZone() ? s : null; }',
      ].join('\n'),
      'entrypoints/sidepanel/main.tsx':
        "import { Panel } from '@/components/Panel';\nPanel('new');",
    });
    expect(found.exports.sort()).toEqual([
      'lib/model/stage.ts#Unused',
      'lib/model/zone.ts#unusedZone',
    ]);
  });

  it('counts lazy imports and imports from tests, scripts and the WXT config', () => {
    const found = unused({
      'components/Chart.tsx': 'export default function Chart() {}\nexport const size = 1;',
      'lib/bench/timing.ts': 'export const mark = 1;',
      'lib/manifest/csp.ts': 'export const policy = 1;',
      'lib/db/snapshot.ts': 'export function snapshotKey() {}',
      'entrypoints/sidepanel/main.tsx': "const Chart = lazy(() => import('@/components/Chart'));",
      'scripts/bench.mjs': "import { mark } from '../lib/bench/timing.ts';",
      'wxt.config.ts': "import { policy } from './lib/manifest/csp';",
      'tests/unit/db/snapshot.test.ts': "import { snapshotKey } from '@/lib/db/snapshot';",
    });
    expect(found).toEqual({ exports: [], files: [] });
  });

  it('lets a listed, commented export stay', () => {
    const files = { 'lib/sites/hooks.ts': 'export const testHook = 1;\nexport const other = 2;' };
    const allow =
      '# Reached from e2e tests through the page, not by import:\nlib/sites/hooks.ts#testHook # e2e\nlib/sites/hooks.ts\n';
    expect(unused(files, allow)).toEqual({ exports: ['lib/sites/hooks.ts#other'], files: [] });
  });

  it('finds nothing unused in this repository (isBusinessDay, emptySettings, snapshotKey were)', () => {
    const { unusedExports, unusedFiles } = checkRepository();
    expect(unusedExports).toEqual([]);
    expect(unusedFiles).toEqual([]);
  });
});
