import { describe, expect, it } from 'vitest';
import { openableRecordUrl } from '../../../lib/sites/record-links';
import { SITES } from '../../../lib/sites/registry';
import { demo } from '../../../lib/sites/demo';
import { TEXT_LIMITS } from '../../../lib/model/limits';

/** A page a site's first match pattern covers: a subdomain for "*.", a record path for "*". */
function pageOf(pattern: string): string {
  return pattern.replace('://*.', '://acme.').replace(/\*$/, 'record/1');
}

const HUBSPOT = 'https://app.hubspot.com/contacts/1/record/0-1/501';

describe('openableRecordUrl: the one check before anything opens a stored link', () => {
  it.each(SITES.map((site) => [site.id, pageOf(site.matches[0] ?? '')]))(
    'opens https on %s (%s)',
    (site, url) => {
      expect(openableRecordUrl(url, site)).toBe(new URL(url).href);
      expect(openableRecordUrl(url)).toBe(new URL(url).href);
    },
  );

  it.each([
    ['a data: page', 'data:text/html,<script>alert(1)</script>'],
    ['a javascript: link', 'javascript:alert(document.domain)'],
    ['a local file', 'file:///etc/passwd'],
    ["the browser's settings", 'chrome://settings/'],
    ['another extension', 'chrome-extension://abcdefghijklmnop/page.html'],
    ['a blob', 'blob:https://app.hubspot.com/6c0e3d1a'],
    ['plain http on HubSpot', 'http://app.hubspot.com/contacts/1/record/0-1/501'],
    ['an unsupported host', 'https://evil.com/contacts/1'],
    ["a host that only starts with HubSpot's", 'https://app.hubspot.com.evil.com/contacts/1'],
    ['credentials in the URL', 'https://user:pass@app.hubspot.com/contacts/1'],
    ['a user name in the URL', 'https://user@app.hubspot.com/contacts/1'],
    ['no URL', ''],
    ['not a URL', 'app.hubspot.com/contacts/1'],
    ['over-long', `${HUBSPOT}?${'a'.repeat(TEXT_LIMITS.url)}`],
  ])('refuses %s', (_, url) => {
    expect(openableRecordUrl(url)).toBeUndefined();
    expect(openableRecordUrl(url, 'hubspot')).toBeUndefined();
  });

  it('refuses a record whose site is not the one its URL belongs to', () => {
    expect(openableRecordUrl(HUBSPOT, 'hubspot')).toBe(HUBSPOT);
    expect(openableRecordUrl(HUBSPOT, 'gmail')).toBeUndefined();
    expect(openableRecordUrl(HUBSPOT, 'csv')).toBeUndefined();
  });

  it('refuses what is not text', () => {
    for (const value of [undefined, null, 42, {}, ['https://app.hubspot.com/']]) {
      expect(openableRecordUrl(value)).toBeUndefined();
    }
  });

  it('opens the demo CRM on localhost only where the demo site is listed', () => {
    const local = 'http://localhost:5173/contacts/ana-ruiz';
    expect(openableRecordUrl(local, 'demo')).toBeUndefined();
    expect(openableRecordUrl(local, 'demo', [...SITES, demo])).toBe(local);
    expect(
      openableRecordUrl('file:///contacts/ana-ruiz', 'demo', [...SITES, demo]),
    ).toBeUndefined();
  });
});
