// When the extension reconciles optional sites' scripts with the rep's grants: at install and
// update, at browser start, and on every permission change, wherever the rep made it.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  reconcileSiteScripts,
  siteScriptId,
  watchSitePermissions,
} from '@/lib/background/site-scripts';
import type { SiteAdapter } from '@/lib/sites/adapter';

type Script = { id: string; matches?: string[]; js?: string[]; persistAcrossSessions?: boolean };

/** An event the test fires, as the browser would. */
function event() {
  const listeners = new Set<() => void>();
  return {
    addListener: (fn: () => void) => void listeners.add(fn),
    removeListener: (fn: () => void) => void listeners.delete(fn),
    fire: () => listeners.forEach((fn) => fn()),
  };
}

/** The browser's side, in memory: granted origins, registered scripts, permission events. */
function fakeBrowserSide(granted: string[] = [], registered: Script[] = []) {
  const origins = new Set(granted);
  const scripts = new Map(registered.map((s) => [s.id, s]));
  const onAdded = event();
  const onRemoved = event();
  const calls = { register: 0, update: 0, unregister: 0 };
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins: asked = [] }: { origins?: string[] }) =>
      asked.every((o) => origins.has(o)),
    onAdded,
    onRemoved,
  });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => [...scripts.values()],
    registerContentScripts: async (list: Script[]) => {
      calls.register += 1;
      for (const s of list) {
        // As the browser does: an id registered twice is an error.
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    },
    updateContentScripts: async (list: Script[]) => {
      calls.update += 1;
      for (const s of list) scripts.set(s.id, { ...scripts.get(s.id), ...s });
    },
    unregisterContentScripts: async ({ ids = [] }: { ids?: string[] }) => {
      calls.unregister += 1;
      ids.forEach((id) => scripts.delete(id));
    },
  });
  return { origins, scripts, onAdded, onRemoved, calls };
}

const site = (id: string, matches: string[], atInstall = false): SiteAdapter => ({
  id,
  name: id,
  matches,
  ...(atInstall ? { atInstall } : {}),
  detect: () => null,
});
const mail = site('mail', ['https://mail.example.com/*'], true);
const crm = site('crm', ['https://crm.example.com/*']);
const crmEu = site('crm', ['https://crm.example.com/*', 'https://crm.example.eu/*']);
const dialer = site('dialer', ['https://dial.example.com/app', 'https://dial.example.com/app/*']);

describe('the reconcile runs', () => {
  it.each([
    [
      'at install and update',
      () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' }),
    ],
    ['at browser start', () => fakeBrowser.runtime.onStartup.trigger()],
  ])('%s', async (_, trigger) => {
    const side = fakeBrowserSide(['https://crm.example.com/*']);
    watchSitePermissions([mail, crm]);
    await trigger();
    await vi.waitFor(() => expect([...side.scripts.keys()]).toEqual([siteScriptId(crm)]));
  });

  it('when the rep allows a site anywhere (our toggle or the browser’s menu)', async () => {
    const side = fakeBrowserSide();
    watchSitePermissions([mail, crm, dialer]);
    side.origins.add('https://dial.example.com/app');
    side.origins.add('https://dial.example.com/app/*');
    side.onAdded.fire();
    await vi.waitFor(() =>
      expect(side.scripts.get(siteScriptId(dialer))).toMatchObject({
        matches: dialer.matches,
        js: ['site-dialer.js'],
        persistAcrossSessions: true,
      }),
    );
    expect(side.scripts.has(siteScriptId(crm))).toBe(false);
  });

  it('when the rep takes a site back: its script goes', async () => {
    const side = fakeBrowserSide(
      ['https://crm.example.com/*'],
      [{ id: siteScriptId(crm), matches: crm.matches, js: ['site-crm.js'] }],
    );
    watchSitePermissions([crm]);
    side.origins.clear();
    side.onRemoved.fire();
    await vi.waitFor(() => expect(side.scripts.size).toBe(0));
  });

  it('one at a time, so events close together never register a script twice', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const side = fakeBrowserSide(['https://crm.example.com/*']);
    watchSitePermissions([crm]);
    // Two grants in a row (the rep allows two hosts of one site from the browser's menu).
    side.onAdded.fire();
    side.onAdded.fire();
    await vi.waitFor(() => expect(side.scripts.size).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(side.calls.register).toBe(1);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('a new version', () => {
  it('updates a registered script whose patterns changed', async () => {
    const side = fakeBrowserSide(crmEu.matches, [
      { id: siteScriptId(crm), matches: crm.matches, js: ['site-crm.js'] },
    ]);
    await reconcileSiteScripts([crmEu]);
    expect(side.scripts.get(siteScriptId(crm))?.matches).toEqual(crmEu.matches);
    expect(side.calls).toMatchObject({ register: 0, update: 1 });
  });

  it('updates a registered script whose file changed', async () => {
    const side = fakeBrowserSide(crm.matches, [
      { id: siteScriptId(crm), matches: crm.matches, js: ['site-crm-old.js'] },
    ]);
    await reconcileSiteScripts([crm]);
    expect(side.scripts.get(siteScriptId(crm))?.js).toEqual(['site-crm.js']);
  });

  it('leaves an unchanged script alone', async () => {
    const side = fakeBrowserSide(crm.matches, [
      { id: siteScriptId(crm), matches: crm.matches, js: ['site-crm.js'] },
    ]);
    await reconcileSiteScripts([crm]);
    expect(side.calls).toEqual({ register: 0, update: 0, unregister: 0 });
  });

  it('keeps a site on where the rep allowed it, not on a new host they have not', async () => {
    // Allowed before the update: crm.example.com only. The new version adds crm.example.eu.
    const side = fakeBrowserSide(crm.matches, [
      { id: siteScriptId(crm), matches: crm.matches, js: ['site-crm.js'] },
    ]);
    await reconcileSiteScripts([crmEu]);
    expect(side.scripts.get(siteScriptId(crm))?.matches).toEqual(['https://crm.example.com/*']);
    side.origins.add('https://crm.example.eu/*');
    await reconcileSiteScripts([crmEu]);
    expect(side.scripts.get(siteScriptId(crm))?.matches).toEqual(crmEu.matches);
  });
});
