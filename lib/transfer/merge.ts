// How an imported record meets the stored one with the same identity: merged by id, never
// a duplicate, and never losing what the rep did here since the backup was made.
import type { Attempt, CallPlan, Contact, CrmIdentity, Note, RepSettings, Task } from '../model';
import { LIST_LIMITS } from '../model/limits';

/** Deep equality of stored data, where a missing field and `undefined` are the same. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameContent(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameContent(ra[k], rb[k])) return false;
  return true;
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

function identityKeyOf(i: CrmIdentity): string {
  return `${i.site}:${i.recordId}`;
}

/** The joins both copies noted (for Split), each once. */
function mergesOf(stored: Contact, incoming: Contact): Pick<Contact, 'merges'> {
  const merges = [...(stored.merges ?? [])];
  for (const m of incoming.merges ?? []) {
    if (!merges.some((n) => sameContent(m, n))) merges.push(m);
  }
  return merges.length ? { merges: merges.slice(0, LIST_LIMITS.merges) } : {};
}

/**
 * One contact from the stored one and an imported copy of the same person (same id, or the
 * same CRM record under another id). The stored id stays. Lists are united (stored
 * values first); single values come from whichever copy was updated last, the other filling
 * gaps; the contact dates span both.
 */
export function mergeContacts(stored: Contact, incoming: Contact): Contact {
  const incomingNewer = incoming.updatedAt > stored.updatedAt;
  const newer = incomingNewer ? incoming : stored;
  const older = incomingNewer ? stored : incoming;
  const identities: CrmIdentity[] = [];
  const at = new Map<string, number>();
  for (const i of [...older.identities, ...newer.identities]) {
    const key = identityKeyOf(i);
    const seen = at.get(key);
    if (seen === undefined) {
      at.set(key, identities.length);
      identities.push(i);
    } else if (i.url) {
      identities[seen] = i;
    }
  }
  // Stored order first, so the identity the rep already sees stays first.
  const order = [...stored.identities, ...incoming.identities].map(identityKeyOf);
  identities.sort((a, b) => order.indexOf(identityKeyOf(a)) - order.indexOf(identityKeyOf(b)));
  const pick = <K extends keyof Contact>(key: K): Contact[K] => newer[key] ?? older[key];
  return {
    ...older,
    ...newer,
    id: stored.id,
    name: newer.name || older.name,
    // Within the caps every record keeps, the stored values first.
    emails: union(stored.emails, incoming.emails).slice(0, LIST_LIMITS.emails),
    phones: union(stored.phones, incoming.phones).slice(0, LIST_LIMITS.phones),
    company: pick('company'),
    title: pick('title'),
    timeZone: pick('timeZone'),
    preferredChannel: pick('preferredChannel'),
    status: pick('status'),
    advancedAt: pick('advancedAt'),
    identities: identities.slice(0, LIST_LIMITS.identities),
    identityKeys: union(identities.slice(0, LIST_LIMITS.identities).map(identityKeyOf), []),
    ...mergesOf(stored, incoming),
    createdAt: Math.min(stored.createdAt, incoming.createdAt),
    updatedAt: Math.max(stored.updatedAt, incoming.updatedAt),
  };
}

/** A note edited here after the backup keeps the edit; otherwise the backup's copy. */
export function mergeNote(stored: Note, incoming: Note): Note {
  return stored.updatedAt > incoming.updatedAt ? stored : incoming;
}

/** The draft edited last wins. */
export function mergePlan(stored: CallPlan, incoming: CallPlan): CallPlan {
  return stored.updatedAt > incoming.updatedAt ? stored : incoming;
}

/** Attempts are written once: the backup's copy. */
export function mergeAttempt(_stored: Attempt, incoming: Attempt): Attempt {
  return incoming;
}

/** The backup's copy, except that a task done here stays done. */
export function mergeTask(stored: Task, incoming: Task): Task {
  return stored.status === 'done' && incoming.status === 'open'
    ? { ...incoming, status: 'done' }
    : incoming;
}

/** The rep's details from the backup. */
export function mergeSettings(_stored: RepSettings, incoming: RepSettings): RepSettings {
  return incoming;
}
