import { PERSON_ROLES, type ContactSnapshot, type PersonOnPage, type PersonRole } from '../model';
import type { SiteAdapter } from './adapter';
import { buildSnapshot, cleanText, evidenceOf, meaningful, othersOf } from './read-page';

// "Kenji Sato · Acme CRM": a record's tab names its person.
const TITLE = /^(.+?)\s+[·|—-]\s+Acme CRM\b/;

const isRole = (role: string | null): role is PersonRole =>
  (PERSON_ROLES as readonly string[]).includes(role ?? '');

/** Other people the page shows: `[data-demo-person]` with their role, email and phone. */
function peopleOn(document: Document): PersonOnPage[] {
  return Array.from(document.querySelectorAll('[data-demo-person]')).flatMap((el) => {
    const role = el.getAttribute('data-demo-role');
    const name = meaningful(el.textContent);
    if (!name || !isRole(role)) return [];
    const person: PersonOnPage = { name, role };
    const email = el.getAttribute('data-demo-email');
    const phone = el.getAttribute('data-demo-phone');
    if (email) person.email = email;
    if (phone) person.phone = phone;
    return [person];
  });
}

/**
 * The bundled demo CRM (assets/demo), served on localhost by `npm run demo`. Only the demo
 * build matches it: the production manifest never reads localhost. The record's URL and its
 * heading agree (sure) unless the tab's title names someone else (then the panel asks).
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
      meaningful(record.querySelector(`[data-demo-field="${name}"]`)?.textContent);
    const name = field('name');
    if (!name) return null;
    const titled = meaningful(TITLE.exec(document.title)?.[1]);
    const doubt =
      titled && cleanText(titled).toLowerCase() !== name.toLowerCase()
        ? `The page title names ${titled}.`
        : undefined;
    const found = {
      email: field('email'),
      phone: field('phone'),
      company: field('company'),
      title: field('title'),
      timeZone: field('timeZone'),
    };
    return buildSnapshot(
      { site: 'demo', recordId: id, url: url.href, name },
      {
        ...found,
        evidence: evidenceOf(['record-url', 'record-header'], doubt),
        others: othersOf(peopleOn(document), { name, ...found }),
      },
    );
  },
};
