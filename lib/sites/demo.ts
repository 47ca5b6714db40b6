import type { ContactSnapshot } from '../model';
import type { SiteAdapter } from './adapter';
import { evidenceOf } from './read-page';

/**
 * The bundled demo CRM (assets/demo), served on localhost by `npm run demo`. Only the demo
 * build matches it: the production manifest never reads localhost.
 */
export const demo: SiteAdapter = {
  id: 'demo',
  name: 'Demo CRM',
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  // In the demo build's manifest (the only build that has it), like HubSpot and Gmail.
  atInstall: true,
  detect(document: Document, url: URL): ContactSnapshot | null {
    const id = /^\/contacts\/([a-z0-9-]+)$/.exec(url.pathname)?.[1];
    if (!id) return null;
    const record = document.querySelector(`[data-demo-record="${id}"]`);
    if (!record) return null;
    const field = (name: string) =>
      record
        .querySelector(`[data-demo-field="${name}"]`)
        ?.textContent?.replace(/\s+/g, ' ')
        .trim() || undefined;
    const name = field('name');
    if (!name) return null;
    // The record the URL names shows this name in its own header: both agree.
    const snapshot: ContactSnapshot = {
      site: 'demo',
      recordId: id,
      url: url.href,
      name,
      evidence: evidenceOf(['record-url', 'record-header']),
    };
    for (const key of ['email', 'phone', 'company', 'title', 'timeZone'] as const) {
      const value = field(key);
      if (value) snapshot[key] = value;
    }
    return snapshot;
  },
};
