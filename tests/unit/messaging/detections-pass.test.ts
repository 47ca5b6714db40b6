import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContentMessage } from '@/lib/messaging/validate';
import { adapterFor } from '@/lib/sites/registry';

// The background cleans every message exactly as a detector cleans what it reads: what the
// detectors rightly report on every fixture page passes unchanged, so the check costs the rep
// nothing on real pages and only a forged message loses anything.
const FIXTURES = 'tests/fixtures';
const cases = readdirSync(FIXTURES)
  .filter((site) => existsSync(join(FIXTURES, site, 'cases.json')))
  .flatMap((site) =>
    (
      JSON.parse(readFileSync(join(FIXTURES, site, 'cases.json'), 'utf8')) as {
        file: string;
        url: string;
        expect: Record<string, unknown> | null;
      }[]
    )
      .filter((c) => c.expect)
      .map((c) => [`${site}/${c.file}`, c.url, c.expect] as const),
  );
const siteOfUrl = (url: URL) => adapterFor(url)?.id;

describe('every fixture’s detection passes the background’s check unchanged', () => {
  it.each(cases)('%s', (_, url, snapshot) => {
    const message = { type: 'contact-detected', snapshot };
    const verdict = validateContentMessage(
      message,
      { id: 'x', tabId: 1, frameId: 0, url },
      'x',
      siteOfUrl,
    );
    expect(verdict).toEqual({ ok: true, value: { tabId: 1, message } });
  });
});
