import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// ARCHITECTURE.md's "may import" table is a lint rule: each case plants one import in a file
// of a layer and asks ESLint, with the repository's own config, whether it passes.
const eslint = new ESLint({ cwd: process.cwd() });

async function refusals(from: string, filePath: string): Promise<string[]> {
  const code = `import * as planted from '${from}';\nexport const used = planted;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('lint: the layers of ARCHITECTURE.md', () => {
  it.each([
    // The coach, the insights and the sites are pure: no database, no page.
    ['lib/coach/planted.ts', '../db/contacts'],
    ['lib/coach/planted.ts', '@/lib/db/contacts'],
    ['lib/insights/planted.ts', '../coach/cadence'],
    ['lib/sites/planted.ts', '../db/contacts'],
    ['lib/sites/planted.ts', '@/lib/messaging/protocol'],
    // The database does not decide what the coach decides.
    ['lib/db/planted.ts', '../coach/cadence'],
    ['lib/db/planted.ts', '@/lib/coach/cadence'],
    ['lib/db/planted.ts', '../hooks/use-write'],
    // The model and the time kernel stand on nothing above them.
    ['lib/model/planted.ts', '../time/zone-offsets'],
    ['lib/time/planted.ts', '../coach/call-windows'],
    ['lib/messaging/planted.ts', '../sites/adapter'],
    ['lib/transfer/planted.ts', '../sites/hubspot'],
    // Nothing in a page imports the service worker.
    ['components/Planted.tsx', '@/lib/background/due-alarms'],
    ['components/Planted.tsx', '../lib/background/due-alarms'],
    ['lib/hooks/planted.ts', '../background/due-alarms'],
    ['lib/stores/planted.ts', '@/lib/background/due-alarms'],
    ['lib/actions/planted.ts', '../background/due-alarms'],
    ['entrypoints/sidepanel/main.tsx', '@/lib/background/due-alarms'],
    // Components do not scrape; only the Sites page lists the sites.
    ['components/Planted.tsx', '@/lib/sites/hubspot'],
    ['components/Planted.tsx', '@/lib/sites/registry'],
    ['components/SitesSettings.tsx', '@/lib/sites/read-page'],
  ])('refuses %s importing %s', async (file, from) => {
    expect(await refusals(from, file)).toHaveLength(1);
  });

  it.each([
    ['lib/coach/planted.ts', '../model'],
    ['lib/coach/planted.ts', '../time/zone-offsets'],
    ['lib/insights/planted.ts', '@/lib/time/local-clock'],
    ['lib/sites/planted.ts', './adapter'],
    ['lib/db/planted.ts', '../transfer/records'],
    ['lib/transfer/planted.ts', '../sites/record-links'],
    ['lib/messaging/planted.ts', '../model'],
    ['lib/hooks/planted.ts', '../db/contacts'],
    ['components/Planted.tsx', '@/lib/sites/record-links'],
    ['components/SitesSettings.tsx', '@/lib/sites/registry'],
    ['entrypoints/background.ts', '@/lib/background/due-alarms'],
  ])('lets %s import %s', async (file, from) => {
    expect(await refusals(from, file)).toEqual([]);
  });
});
