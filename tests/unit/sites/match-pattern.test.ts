// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchesPattern, parseMatchPattern } from '../../../lib/sites/match-pattern';

describe('matchesPattern', () => {
  it.each([
    ['https://app.hubspot.com/*', 'https://app.hubspot.com/contacts/1/record/0-1/2'],
    ['https://app.hubspot.com/*', 'https://app.hubspot.com/'],
    ['https://mail.google.com/*', 'https://mail.google.com/mail/u/0/#inbox/abc'],
    ['*://mail.google.com/*', 'http://mail.google.com/mail/'],
    ['*://mail.google.com/*', 'https://mail.google.com/mail/'],
    ['https://*.example.com/*', 'https://example.com/'],
    ['https://*.example.com/*', 'https://a.b.example.com/x'],
    ['https://*/*', 'https://anything.test/path'],
    ['https://example.com/app/*/edit', 'https://example.com/app/42/edit'],
    ['https://example.com/search*', 'https://example.com/search?q=a.b'],
    ['http://localhost/*', 'http://localhost:3000/demo'],
    ['https://EXAMPLE.com/*', 'https://example.com/'],
  ])('%s matches %s', (pattern, href) => {
    expect(matchesPattern(pattern, new URL(href))).toBe(true);
  });

  it.each([
    ['https://app.hubspot.com/*', 'http://app.hubspot.com/'],
    ['https://app.hubspot.com/*', 'https://app.hubspot.com.evil.example/'],
    ['https://app.hubspot.com/*', 'https://evilapp.hubspot.com/'],
    ['https://*.example.com/*', 'https://notexample.com/'],
    ['https://*.example.com/*', 'https://example.com.evil.test/'],
    ['*://mail.google.com/*', 'ftp://mail.google.com/'],
    ['*://mail.google.com/*', 'file:///mail.google.com/'],
    ['https://example.com/app/*', 'https://example.com/other'],
    ['https://example.com/a.c', 'https://example.com/abc'],
    ['https://example.com/exact', 'https://example.com/exact/more'],
  ])('%s does not match %s', (pattern, href) => {
    expect(matchesPattern(pattern, new URL(href))).toBe(false);
  });

  it.each([
    '',
    '<all_urls>',
    'https://example.com',
    'ftp://example.com/*',
    'https://ex*ample.com/*',
    'https://*foo.com/*',
  ])('treats the unsupported pattern "%s" as matching nothing', (pattern) => {
    expect(parseMatchPattern(pattern)).toBeNull();
    expect(matchesPattern(pattern, new URL('https://example.com/'))).toBe(false);
  });
});
