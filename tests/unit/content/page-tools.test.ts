// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SiteAdapter } from '@/lib/sites/adapter';
import { siteScript } from '@/lib/content/site-script';
import { showPageTools } from '@/lib/content/page-tools';
import { OVERLAY_HIDDEN_KEY } from '@/lib/content/voicemail-overlay';
import { byTheRep, repClicks, watchClosedRoots } from './page-input';

/** Reads `<h1 data-name>` on /record/N pages. */
const adapter: SiteAdapter = {
  id: 'test',
  name: 'Test',
  matches: ['*://*/*'],
  detect(doc, url) {
    const id = /\/record\/(\d+)/.exec(url.pathname)?.[1];
    const name = doc.querySelector('[data-name]')?.textContent;
    return id && name
      ? { site: 'test', recordId: id, url: url.href, name, email: 'a@b.example' }
      : null;
  },
};

let sent: Array<{ type: string }>;
let rootOf: ReturnType<typeof watchClosedRoots>;
beforeEach(() => {
  sent = [];
  rootOf = watchClosedRoots();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message) => {
    sent.push(message as unknown as { type: string });
  });
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('second-call.page')];
  document.documentElement
    .querySelectorAll('second-call-overlay, second-call-prepare')
    .forEach((el) => el.remove());
  document.body.replaceChildren();
});
afterEach(() => {
  // End this copy of the script: the next test's copy takes over the page.
  document.dispatchEvent(new CustomEvent('second-call:started:test', { detail: null }));
  vi.restoreAllMocks();
});

/** Starts the script and waits for its first look at the page (what it then sends). */
async function runScript(): Promise<void> {
  await siteScript(adapter).main();
  const reported = () => sent.some((m) => m.type === 'contact-detected' || m.type === 'no-contact');
  await vi.waitFor(() => expect(reported()).toBe(true));
}

function showName(name: string): void {
  const h1 = document.createElement('h1');
  h1.dataset.name = '';
  h1.textContent = name;
  document.body.append(h1);
}

const asked = () => sent.filter((m) => m.type === 'page-tools').length;
const overlay = () => document.documentElement.querySelector('second-call-overlay');

describe('the page tools load only where the page calls for them', () => {
  it('a list page with no record and no phone link never asks for them', async () => {
    history.replaceState(null, '', '/list');
    await runScript();
    expect(sent.map((m) => m.type)).toEqual(['no-contact']);
    expect(overlay()).toBeNull();
  });

  it('a record asks once; the overlay shows when they arrive', async () => {
    history.replaceState(null, '', '/record/7');
    showName('Maria Lopez');
    await runScript();
    expect(asked()).toBe(1);
    expect(overlay()).toBeNull(); // nothing of them is in the site's script
    await showPageTools(document); // what the background's injection runs
    expect(rootOf(overlay())?.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Start voicemail timer',
    );
    await showPageTools(document); // asked twice, still one overlay
    expect(document.querySelectorAll('second-call-overlay')).toHaveLength(1);
  });

  it('reaching a phone link asks for them, and Prepare appears beside that link', async () => {
    history.replaceState(null, '', '/list');
    const link = document.createElement('a');
    link.href = 'tel:+14155550123';
    link.textContent = 'Dana Kim';
    document.body.append(link);
    await runScript();
    link.dispatchEvent(byTheRep(new MouseEvent('mouseover', { bubbles: true })));
    expect(asked()).toBe(1);
    await showPageTools(document);
    const prepare = rootOf(document.documentElement.querySelector('second-call-prepare'));
    const button = prepare?.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Prepare a call to Dana Kim');
    expect(overlay()?.isConnected ?? false).toBe(false); // no contact on this page
    repClicks(button!);
    expect(sent.at(-1)).toEqual({
      type: 'prepare-number',
      phone: '+14155550123',
      name: 'Dana Kim',
    });
  });

  it('a page that dispatches a mouseover on its own phone link loads nothing', async () => {
    history.replaceState(null, '', '/list');
    const link = document.createElement('a');
    link.href = 'tel:+14155550123';
    link.textContent = 'Dana Kim';
    document.body.append(link);
    await runScript();
    link.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    link.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(asked()).toBe(0);
  });

  it('Alt+Shift+V starts the voicemail timer only when the rep presses it', async () => {
    history.replaceState(null, '', '/record/7');
    showName('Maria Lopez');
    await runScript();
    const shortcut = { altKey: true, shiftKey: true, code: 'KeyV', bubbles: true };
    document.body.dispatchEvent(new KeyboardEvent('keydown', shortcut));
    expect(sent.filter((m) => m.type === 'start-voicemail')).toHaveLength(0);
    document.body.dispatchEvent(byTheRep(new KeyboardEvent('keydown', shortcut)));
    expect(sent.filter((m) => m.type === 'start-voicemail')).toHaveLength(1);
  });

  it('keeps the overlay away once the rep removed it', async () => {
    await fakeBrowser.storage.local.set({ [OVERLAY_HIDDEN_KEY]: true });
    history.replaceState(null, '', '/record/7');
    showName('Maria Lopez');
    await runScript();
    await showPageTools(document);
    expect(overlay()).toBeNull();
  });
});
