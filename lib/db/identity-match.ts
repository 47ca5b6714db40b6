// Who a page's (or a CSV row's) person is among the stored contacts: ONE decision, used by the
// panel's store (lib/db/contacts) and the CSV import (lib/db/contacts-csv-import).
//
// Keys by strength: the CRM record, then the email, then the phone. A weaker key never joins
// two contacts whose stronger keys differ (another record of the same CRM, another personal
// email) or whose names clearly differ. A key several people share (a switchboard, info@)
// joins no one unless one holder has the very same name; when more than one contact could be
// meant, the answer is "several" and the rep chooses: never a guess.
import type { ApartReason, WeakKey } from '../model';
import { isPlaceholderName } from '../model/clean-text';

export type { WeakKey };

/** What the decision reads of a stored contact. */
export interface Holder {
  id: string;
  name: string;
  emails: readonly string[];
  phones: readonly string[];
  identityKeys: readonly string[];
}

/** The person seen, with values already normalised (lib/db/identity). */
export interface Seen {
  name: string;
  /** `site:recordId` of the page or row, when it has one. */
  identityKey?: string;
  email?: string;
  phone?: string;
}

export type KeyIndex = 'identity' | WeakKey;

interface KeptApart {
  by: WeakKey;
  value: string;
  why: ApartReason;
}

export type IdentityMatch<C extends Holder> =
  | { kind: 'same'; contact: C; by: KeyIndex }
  | { kind: 'several'; contacts: C[]; by: WeakKey }
  | { kind: 'none'; apart?: KeptApart };

// Sites whose "record id" is the address or number itself, not a person's record: two of
// them on one contact are two ways to reach one person, never a conflict.
const KEY_VALUED_SITES = new Set([
  'gmail',
  'outlook',
  'aircall',
  'dialpad',
  'justcall',
  'ringcentral',
]);

function siteOf(identityKey: string): string {
  return identityKey.slice(0, identityKey.indexOf(':'));
}

/** Whether `identityKey` names a person's record in a CRM (not a mailbox or a dialer). */
function isRecordKey(identityKey: string): boolean {
  return identityKey.includes(':') && !KEY_VALUED_SITES.has(siteOf(identityKey));
}

// Mailboxes of a role, read by whoever is on duty: never one person's address.
const ROLE_MAILBOXES = new Set([
  'info',
  'sales',
  'support',
  'office',
  'hello',
  'contact',
  'contactus',
  'team',
  'admin',
  'help',
  'enquiries',
  'inquiries',
  'mail',
  'reception',
  'billing',
  'accounts',
  'finance',
  'hr',
  'jobs',
  'careers',
  'marketing',
  'press',
  'service',
  'general',
  'noreply',
  'no-reply',
  'kontakt',
  'bonjour',
  'ventas',
]);

/** Whether an address belongs to a role (info@, sales@…) rather than to one person. */
export function isRoleAddress(email: string): boolean {
  const local = email.slice(0, email.lastIndexOf('@')).toLowerCase();
  return ROLE_MAILBOXES.has(local.replace(/[._-]?\d+$/, ''));
}

// Words dialers and mail show where no name is known.
const NO_NAME = /^(caller|anonymous|private( number)?|no caller id|withheld|restricted|me)$/iu;

// Names are read again for every holder of a key a CSV row meets (a switchboard may be on
// thousands of rows): each name's words are worked out once.
const wordsOfName = new Map<string, readonly string[]>();
const WORDS_REMEMBERED = 20_000;

/** A name's words, lower-cased without accents or punctuation; none when it names no one (an
 *  address, a number, a placeholder such as "Unknown caller"). */
function nameWords(name: string): readonly string[] {
  let words = wordsOfName.get(name);
  if (words) return words;
  words = readWords(name);
  if (wordsOfName.size >= WORDS_REMEMBERED) wordsOfName.clear();
  wordsOfName.set(name, words);
  return words;
}

function readWords(name: string): string[] {
  const text = name.trim();
  if (!text || text.includes('@') || !/\p{L}/u.test(text)) return [];
  if (isPlaceholderName(text) || NO_NAME.test(text)) return [];
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** One word stands for another: the same, or an initial of it ("J." for "Jane"). */
function wordFits(a: string, b: string): boolean {
  return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/**
 * Whether two names plainly belong to two people: "Ana Ruiz" and "Tom Berg" do; "J. Doe" and
 * "Jane Doe", "Maria" and "Maria Lopez", "Lopez, Maria" and "Maria Lopez" do not, nor does a
 * name that is empty, an address or a number.
 */
export function namesClearlyDiffer(a: string, b: string): boolean {
  return wordsDiffer(nameWords(a), nameWords(b));
}

function wordsDiffer(wa: readonly string[], wb: readonly string[]): boolean {
  if (!wa.length || !wb.length) return false;
  const [shorter, longer] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const free = [...longer];
  for (const word of shorter) {
    const at = free.findIndex((w) => wordFits(word, w));
    if (at < 0) return true;
    free.splice(at, 1);
  }
  return false;
}

/** The very same name, whatever the case, accents or word order. */
function sameName(a: string, b: string): boolean {
  const wa = [...nameWords(a)].sort();
  const wb = [...nameWords(b)].sort();
  return wa.length > 0 && wa.join(' ') === wb.join(' ');
}

/** Whether a key value is one several people share: a role address, or a value stored on two
 *  contacts whose names differ. */
function isSharedValue(key: WeakKey, value: string, holders: readonly Holder[]): boolean {
  if (key === 'email' && isRoleAddress(value)) return true;
  // Each distinct name once, stopping at the first two that differ: a switchboard may be on
  // thousands of contacts.
  const names = new Map<string, readonly string[]>();
  for (const holder of holders) {
    const words = nameWords(holder.name);
    const key = words.join(' ');
    if (!key || names.has(key)) continue;
    for (const other of names.values()) if (wordsDiffer(words, other)) return true;
    names.set(key, words);
  }
  return false;
}

/** Why `contact` cannot be the person seen, found by `key`: a stronger key differs, or the
 *  name does. */
function conflict(seen: Seen, contact: Holder, key: WeakKey): ApartReason | undefined {
  const seenRecord = seen.identityKey && isRecordKey(seen.identityKey) ? seen.identityKey : '';
  if (
    seenRecord &&
    contact.identityKeys.some(
      (k) => k !== seenRecord && isRecordKey(k) && siteOf(k) === siteOf(seenRecord),
    )
  ) {
    return 'other-record';
  }
  if (key === 'phone' && seen.email && !isRoleAddress(seen.email)) {
    const personal = contact.emails.filter((e) => !isRoleAddress(e));
    if (personal.length && !personal.includes(seen.email)) return 'other-email';
  }
  return namesClearlyDiffer(seen.name, contact.name) ? 'other-name' : undefined;
}

function byId<C extends Holder>(contacts: readonly C[]): C[] {
  return [...contacts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The stored contact the person seen is, if any. `holdersOf` gives every stored contact
 * holding a value in an index (all of them, not the first: sharing is judged on all).
 */
export function matchIdentity<C extends Holder>(
  seen: Seen,
  holdersOf: (index: KeyIndex, value: string) => readonly C[],
): IdentityMatch<C> {
  if (seen.identityKey) {
    const same = byId(holdersOf('identity', seen.identityKey));
    const first = same.find((c) => sameName(c.name, seen.name)) ?? same[0];
    if (first) return { kind: 'same', contact: first, by: 'identity' };
  }
  let apart: KeptApart | undefined;
  // A shared key that could mean one of several waits for a weaker key that is sure.
  let several: IdentityMatch<C> | undefined;
  for (const key of ['email', 'phone'] as const) {
    const value = seen[key];
    if (!value) continue;
    const holders = holdersOf(key, value);
    if (!holders.length) continue;
    const reasons = holders.map((c) => conflict(seen, c, key));
    const fitting = byId(holders.filter((_, i) => !reasons[i]));
    const named = fitting.filter((c) => sameName(c.name, seen.name));
    if (named.length === 1) return { kind: 'same', contact: named[0]!, by: key };
    const shared = isSharedValue(key, value, holders);
    if (fitting.length === 1 && !shared) return { kind: 'same', contact: fitting[0]!, by: key };
    if (fitting.length > 1 && !shared) return { kind: 'several', contacts: fitting, by: key };
    if (fitting.length > 0) several ??= { kind: 'several', contacts: fitting, by: key };
    apart ??= { by: key, value, why: shared ? 'shared' : reasons.find(Boolean)! };
  }
  if (several) return several;
  return apart ? { kind: 'none', apart } : { kind: 'none' };
}
