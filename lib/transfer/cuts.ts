// What the check of a record may change in it, and how the import preview says so: one line
// per kind of change, with its count ("2 record links were dropped: …"). Nothing is stored
// changed that the preview did not announce.
import { LIST_LIMITS, TEXT_LIMITS } from '../model/limits';

export type RecordTable = 'contacts' | 'notes' | 'attempts' | 'tasks' | 'plans' | 'settings';
export type TextLimit = keyof typeof TEXT_LIMITS;
export type ListLimit = keyof typeof LIST_LIMITS;

export type CutKind =
  /** A field no record of this kind has ("__proto__", "constructor", a typo): dropped. */
  | 'unknown-field'
  /** A record link that is not https on a supported site: the identity stays, the link goes. */
  | 'link'
  /** A contact's time zone the browser does not know: dropped. */
  | 'time-zone'
  /** A record dated as changed before it was made: its change date becomes its creation. */
  | 'date-order'
  /** Control characters in a one-line text (a name, a company): removed. */
  | 'control-characters'
  /** A text over its cap: cut to it. */
  | `text:${TextLimit}`
  /** An email or phone longer than any real one: dropped from the list. */
  | 'entry:email'
  | 'entry:phone'
  /** A list over its cap: its first entries kept. */
  | `list:${ListLimit}`;

/** Something the check changed in an otherwise valid record, for the import preview. */
export interface Cut {
  table: RecordTable;
  /** The field, as the file names it ("identities.url", "emails", "__proto__"). */
  field: string;
  /** Why, in the rep's words: "a link that is not https on a supported site was dropped". */
  reason: string;
  kind: CutKind;
}

const TEXT_NOUNS: Record<TextLimit, [string, string]> = {
  name: ['name or title', 'names or titles'],
  note: ['note', 'notes'],
  plan: ['call plan field', 'call plan fields'],
  reason: ['follow-up reason', 'follow-up reasons'],
  email: ['email address', 'email addresses'],
  phone: ['phone number', 'phone numbers'],
  recordId: ['record id', 'record ids'],
  url: ['record link', 'record links'],
  timeZone: ['time zone', 'time zones'],
};

const LIST_NOUNS: Record<ListLimit, [owner: string, owners: string, entries: string]> = {
  emails: ['contact', 'contacts', 'email addresses'],
  phones: ['contact', 'contacts', 'phone numbers'],
  identities: ['contact', 'contacts', 'CRM records'],
  merges: ['contact', 'contacts', 'remembered merges'],
  closedTaskIds: ['call', 'calls', 'closed follow-ups'],
  words: ['note', 'notes', 'search words (made again from the note)'],
};

function counted(n: number, [one, many]: readonly [string, string, ...string[]]): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

const was = (n: number) => (n === 1 ? 'was' : 'were');
const number = (n: number) => n.toLocaleString('en-US');

/** The preview's line for `n` cuts of one kind. */
function cutLine(kind: CutKind, n: number): string {
  switch (kind) {
    case 'unknown-field':
      return `${counted(n, ['unknown field', 'unknown fields'])} ${was(n)} dropped: not part of a Second Call record`;
    case 'link':
      return `${counted(n, ['record link', 'record links'])} ${was(n)} dropped: not https on a supported site (the records are kept)`;
    case 'time-zone':
      return `${counted(n, ["contact's time zone", "contacts' time zones"])} ${was(n)} dropped: not a zone this browser knows`;
    case 'date-order':
      return `${counted(n, ['record', 'records'])} said ${n === 1 ? 'it was' : 'they were'} changed before ${n === 1 ? 'it was' : 'they were'} made: the change date is set to the creation date`;
    case 'control-characters':
      return `${counted(n, ['name', 'names'])} held control characters: removed`;
    case 'entry:email':
      return `${counted(n, TEXT_NOUNS.email)} ${was(n)} dropped: longer than ${TEXT_LIMITS.email} characters`;
    case 'entry:phone':
      return `${counted(n, TEXT_NOUNS.phone)} ${was(n)} dropped: longer than ${TEXT_LIMITS.phone} characters`;
  }
  if (kind.startsWith('text:')) {
    const limit = kind.slice(5) as TextLimit;
    return `${counted(n, TEXT_NOUNS[limit])} ${was(n)} cut to ${number(TEXT_LIMITS[limit])} characters`;
  }
  const list = kind.slice(5) as ListLimit;
  const [one, many, entries] = LIST_NOUNS[list];
  const cap = number(LIST_LIMITS[list]);
  return `${counted(n, [one, many])} had more than ${cap} ${entries}: the first ${cap} were kept`;
}

/** The reason a single cut gives: its line for one, without the count. */
export function cutReason(kind: CutKind): string {
  if (kind === 'link') return 'a link that is not https on a supported site was dropped';
  return cutLine(kind, 1).replace(/^1 /, '');
}

/** How many cuts of each kind, in the order first met. */
export type CutCounts = Partial<Record<CutKind, number>>;

export function countCuts(into: CutCounts, cuts: readonly Cut[]): void {
  for (const cut of cuts) into[cut.kind] = (into[cut.kind] ?? 0) + 1;
}

/** One line per kind of cut, for the import preview. */
export function cutLines(counts: CutCounts): string[] {
  return Object.entries(counts).map(([kind, n]) => cutLine(kind as CutKind, n));
}
