// One clock (issue 16): a time formatted on the machine's zone is the bug this guards against
// (the panel said 18:00 where the rep, in Los Angeles, meant 10:00 am). Times are written by
// lib/time (rep-clock, calendar) with the zone named; this reads every component and lib file
// and fails on a date formatter anywhere else.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

/** Files that format a date outside lib/time, each with why it may. */
const ALLOWED: Record<string, string> = {
  'components/DataPage.tsx': 'a backup file name, not a time the rep reads on screen',
  'lib/insights/date-inputs.ts': 'formats a TZDate in the rep zone it is given',
};

/** A date-fns formatter, or the Date methods that read the machine's zone. */
const MACHINE_CLOCK =
  /import\s*{[^}]*\b(format|formatDate|lightFormat|formatRelative)\b[^}]*}\s*from\s*'date-fns'|\.toLocale(Time|Date)String\(|\.get(Hours|Minutes|Day|Date)\(\)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('one clock', () => {
  it('no component or lib file outside lib/time formats a time on the machine’s zone', () => {
    const offenders = [...sourceFiles('components'), ...sourceFiles('lib')]
      .map((path) => relative(ROOT, join(ROOT, path)))
      .filter((path) => !path.startsWith('lib/time/') && !(path in ALLOWED))
      .filter((path) => MACHINE_CLOCK.test(readFileSync(join(ROOT, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
