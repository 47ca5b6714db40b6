// @vitest-environment happy-dom
// Each detector is tested negative against every other site's saved pages (the whole pool),
// as github-url-detection tests each detector against every URL it must not claim.
import { describe, expect, it } from 'vitest';
import { SITES } from '../../../lib/sites/registry';
import { allCases, load } from './fixtures';

const pool = allCases();

describe.each(SITES.map((site) => [site.id, site] as const))('%s detector', (id, site) => {
  const own = pool.filter((c) => c.site === id);
  const others = pool.filter((c) => c.site !== id);
  const label = (c: (typeof pool)[number]) => `${c.site}/${c.file}`;

  it('has positive fixtures of its own, and other sites to refuse', () => {
    const hint = `a site needs saved pages: tests/fixtures/${id}/cases.json`;
    expect(
      own.some((c) => c.expect !== null),
      hint,
    ).toBe(true);
    expect(others.length).toBeGreaterThan(0);
  });

  it.each(others.map((c) => [label(c), c] as const))('is null on %s', (_, c) => {
    const { document, url } = load(c);
    expect(site.detect(document, url)).toBeNull();
  });

  // The URL alone must not make a contact: another site's page at one of this site's own
  // record URLs still reads as nothing.
  const ownUrls = own.filter((c) => c.expect !== null).map((c) => new URL(c.url));
  it.each(others.map((c) => [label(c), c] as const))(
    'is null on %s at its own record URLs',
    (_, c) => {
      const { document } = load(c);
      for (const url of ownUrls) expect(site.detect(document, url)).toBeNull();
    },
  );
});
