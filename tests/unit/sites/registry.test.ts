// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../../../lib/sites/adapter';
import { adapterFor, SITES } from '../../../lib/sites/registry';
import { allCases } from './fixtures';

describe('SITES', () => {
  it('lists each adapter once, with a name and match patterns', () => {
    const ids = SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['hubspot', 'gmail']));
    for (const site of SITES) {
      expect(site.name).not.toBe('');
      expect(site.matches.length).toBeGreaterThan(0);
    }
  });
});

describe('adapterFor', () => {
  it.each(allCases().map((c) => [c.url, c.site] as const))('%s → %s', (href, site) => {
    expect(adapterFor(new URL(href))?.id).toBe(site);
  });

  it.each([
    'https://www.hubspot.com/products/crm',
    'https://mail.google.com.evil.example/mail/u/0/',
    'https://calendar.google.com/calendar/u/0/r',
    'http://mail.google.com/mail/u/0/',
    'https://example.com/',
  ])('%s → none', (href) => {
    expect(adapterFor(new URL(href))).toBeUndefined();
  });

  it('takes the first listed adapter whose pattern matches', () => {
    const make = (id: string, matches: string[]): SiteAdapter => ({
      id,
      name: id,
      matches,
      detect: () => null,
    });
    const sites = [make('a', ['https://*.example.com/app/*']), make('b', ['*://*/*'])];
    expect(adapterFor(new URL('https://x.example.com/app/1'), sites)?.id).toBe('a');
    expect(adapterFor(new URL('https://x.example.com/other'), sites)?.id).toBe('b');
  });
});
