import type { Contact, Note, NoteKind } from '../model';
import { DAY_MS } from '../model/time-units';
import { database } from './schema';
import { identityKey } from './identity';

interface DemoPerson {
  recordId: string;
  name: string;
  email: string;
  phone: string;
  company: string;
  title: string;
  timeZone: string;
  notes: [NoteKind, string][];
}

/** The people on the demo CRM page (assets/demo/crm.js lists the same ones). */
const DEMO_PEOPLE: DemoPerson[] = [
  {
    recordId: 'maria-lopez',
    name: 'Maria Lopez',
    email: 'maria.lopez@northwind.example',
    phone: '+13125550142',
    company: 'Northwind Logistics',
    title: 'VP Operations',
    timeZone: 'America/Chicago',
    notes: [
      ['pain point', 'Her team re-keys about 15 hours of orders a week from email into the ERP.'],
      ['deadline', 'The board wants pipeline visibility before the Q3 review in August.'],
      ['quote', '"If it needs IT for more than a week, it will not happen this year."'],
    ],
  },
  {
    recordId: 'kenji-sato',
    name: 'Kenji Sato',
    email: 'k.sato@harbor-analytics.example',
    phone: '+81355500110',
    company: 'Harbor Analytics',
    title: 'Head of Sales Ops',
    timeZone: 'Asia/Tokyo',
    notes: [['pain point', 'Forecast calls take his managers a full day every month.']],
  },
  {
    recordId: 'priya-shah',
    name: 'Priya Shah',
    email: 'priya@brightline.example',
    phone: '+442075550199',
    company: 'Brightline Health',
    title: 'Director of Finance',
    timeZone: 'Europe/London',
    notes: [],
  },
];

/** Fills an empty database with the demo's people, so the first look shows a real coach. */
export async function seedDemoData(now = Date.now()): Promise<void> {
  const db = database();
  await db.transaction('rw', db.contacts, db.notes, db.settings, async () => {
    if ((await db.contacts.count()) > 0) return;
    await db.settings.put({
      id: 'rep',
      repName: 'Sam Reed',
      company: 'Acme Analytics',
      callbackNumber: '+1 415 555 0100',
      timeZone: 'America/New_York',
    });
    for (const [index, person] of DEMO_PEOPLE.entries()) {
      const url = `http://localhost/contacts/${person.recordId}`;
      const contact: Contact = {
        id: crypto.randomUUID(),
        name: person.name,
        emails: [person.email],
        phones: [person.phone],
        company: person.company,
        title: person.title,
        timeZone: person.timeZone,
        identities: [{ site: 'demo', recordId: person.recordId, url }],
        identityKeys: [identityKey('demo', person.recordId)],
        createdAt: now - index,
        updatedAt: now - index,
      };
      await db.contacts.add(contact);
      const notes: Note[] = person.notes.map(([kind, text], i) => ({
        id: crypto.randomUUID(),
        contactId: contact.id,
        kind,
        text,
        createdAt: now - (i + 1) * DAY_MS,
        updatedAt: now - (i + 1) * DAY_MS,
      }));
      await db.notes.bulkAdd(notes);
    }
  });
}
