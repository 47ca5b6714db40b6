import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { openPanelFromToolbar } from '@/lib/background/open-panel';

const original = fakeBrowser.sidePanel;
afterEach(() => {
  Object.assign(fakeBrowser, { sidePanel: original });
  Reflect.deleteProperty(fakeBrowser, 'sidebarAction');
});

describe('the toolbar button opens the panel', () => {
  it('in Chrome, asks the browser to open the side panel on a click', () => {
    const setBehavior = vi
      .spyOn(fakeBrowser.sidePanel, 'setPanelBehavior')
      .mockResolvedValue(undefined);
    openPanelFromToolbar();
    expect(setBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    // The browser opens it itself: no click handler of ours to go wrong.
    expect(fakeBrowser.action.onClicked.hasListeners()).toBe(false);
  });

  it('in Firefox (no side panel API), toggles the sidebar on a click', async () => {
    Object.assign(fakeBrowser, { sidePanel: undefined });
    const toggle = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, { sidebarAction: { toggle } });
    openPanelFromToolbar();
    expect(toggle).not.toHaveBeenCalled();
    await fakeBrowser.action.onClicked.trigger({ id: 3 } as Browser.tabs.Tab);
    expect(toggle).toHaveBeenCalledTimes(1);
  });
});
