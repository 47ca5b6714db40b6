import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { onContentMessage } from '@/lib/background/track-contacts';

const url = 'https://app.hubspot.com/contacts/1/record/0-1/501';
const siteOfUrl = (u: URL) => (u.host === 'app.hubspot.com' ? 'hubspot' : undefined);

function sender(overrides: Partial<Browser.runtime.MessageSender> = {}) {
  return {
    id: fakeBrowser.runtime.id,
    tab: { id: 4 } as Browser.tabs.Tab,
    frameId: 0,
    url,
    ...overrides,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

function spyOnInjection() {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(undefined as never);
}

describe('the page tools (overlay and Prepare) on demand', () => {
  it('are put into the top frame of the tab whose site script asked', async () => {
    const inject = spyOnInjection();
    await onContentMessage({ type: 'page-tools' }, sender(), siteOfUrl);
    expect(inject).toHaveBeenCalledWith({
      target: { tabId: 4, frameIds: [0] },
      files: ['/page-tools.js'],
    });
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['a subframe', { frameId: 3 }],
    ['a page that is no supported site', { url: 'https://example.com/' }],
  ])('are never put anywhere on the word of %s', async (_, overrides) => {
    const inject = spyOnInjection();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await onContentMessage({ type: 'page-tools' }, sender(overrides), siteOfUrl);
    expect(inject).not.toHaveBeenCalled();
  });

  it('a page that refuses them costs a log line, nothing else', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(
      new Error('Cannot access contents of the page'),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(onContentMessage({ type: 'page-tools' }, sender(), siteOfUrl)).resolves.toBe(
      undefined,
    );
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('could not add the overlay'),
      expect.any(Error),
    );
  });
});
