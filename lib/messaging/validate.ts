import {
  EVIDENCE_SIGNALS,
  MAX_OTHERS,
  PERSON_ROLES,
  type ContactSnapshot,
  type DetectionEvidence,
  type EvidenceSignal,
  type PersonOnPage,
  type PersonRole,
} from '../model';
import type { CallSnapshot, CallState } from '../model';
import { cleanEmail, cleanName, cleanText } from '../model/clean-text';
import { MAX_FIELD_LENGTH, MAX_MESSAGE_BYTES, type MessageCStoBG } from './protocol';
import { digitsOf, validPhone } from './valid-phone';

/** The parts of a message sender we trust: set by the browser, not by the page. */
export interface SenderFacts {
  id?: string;
  tabId?: number;
  frameId?: number;
  url?: string;
}

type Verdict<T> = { ok: true; value: T } | { ok: false; why: string };

/** Messages that carry nothing but their type. */
const BARE_TYPES = ['no-contact', 'start-voicemail', 'stop-voicemail', 'page-tools'] as const;
type BareType = (typeof BARE_TYPES)[number];

const SNAPSHOT_FIELDS = [
  'site',
  'recordId',
  'url',
  'name',
  'email',
  'phone',
  'company',
  'title',
  'timeZone',
  'stage',
];
const REQUIRED_FIELDS = ['site', 'recordId', 'url', 'name'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sizeOf(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

/** A string short enough to be a field, else null. */
function shortText(value: unknown): string | null {
  return typeof value === 'string' && value.length <= MAX_FIELD_LENGTH ? value : null;
}

const CALL_STATES: readonly CallState[] = ['idle', 'ringing', 'active', 'ended'];

function parseCall(value: unknown): Verdict<CallSnapshot | null> {
  if (value === null) return { ok: true, value: null };
  if (!isRecord(value)) return { ok: false, why: 'call is not an object' };
  if (!CALL_STATES.includes(value.state as CallState))
    return { ok: false, why: 'unknown call state' };
  const call: CallSnapshot = { state: value.state as CallState };
  for (const key of ['phone', 'name'] as const) {
    if (value[key] !== undefined && shortText(value[key]) === null)
      return { ok: false, why: `call ${key} is not short text` };
  }
  // Cleaned like a detected party: a number that is no phone, a name that names no one, drop.
  const phone = validPhone(value.phone);
  const name = cleanName(value.name as string | undefined);
  if (phone) call.phone = phone;
  if (name) call.name = name;
  return { ok: true, value: call };
}

function parseEvidence(value: unknown): Verdict<DetectionEvidence> {
  if (!isRecord(value)) return { ok: false, why: 'evidence is not an object' };
  const signals = value.signals;
  if (
    !Array.isArray(signals) ||
    signals.length > EVIDENCE_SIGNALS.length ||
    !signals.every((s) => EVIDENCE_SIGNALS.includes(s as EvidenceSignal))
  )
    return { ok: false, why: 'evidence signals are unknown' };
  if (value.confidence !== 'sure' && value.confidence !== 'unsure')
    return { ok: false, why: 'evidence confidence is unknown' };
  const evidence: DetectionEvidence = {
    signals: signals as EvidenceSignal[],
    confidence: value.confidence,
  };
  if (value.doubt !== undefined) {
    const doubt = shortText(value.doubt);
    if (doubt === null) return { ok: false, why: 'evidence doubt is not short text' };
    const clean = cleanText(doubt);
    if (clean) evidence.doubt = clean;
  }
  return { ok: true, value: evidence };
}

function parseOthers(value: unknown): Verdict<PersonOnPage[]> {
  if (!Array.isArray(value) || value.length > MAX_OTHERS)
    return { ok: false, why: 'others is not a short list' };
  const people: PersonOnPage[] = [];
  for (const item of value) {
    if (!isRecord(item)) return { ok: false, why: 'a person is not an object' };
    if (!PERSON_ROLES.includes(item.role as PersonRole))
      return { ok: false, why: 'a person has an unknown role' };
    const text = shortText(item.name);
    if (!text) return { ok: false, why: 'a person has no name' };
    for (const key of ['email', 'phone'] as const) {
      if (item[key] !== undefined && shortText(item[key]) === null)
        return { ok: false, why: `a person's ${key} is not short text` };
    }
    // Cleaned like the subject: someone whose name names no one ("Call") is left out; an
    // unknown caller in a recents list is named by their own valid number, as on a dialer.
    const phone = validPhone(item.phone);
    const byNumber =
      phone && digitsOf(text) === digitsOf(item.phone as string) ? cleanText(text) : '';
    const name = cleanName(text) ?? (byNumber || undefined);
    if (!name) continue;
    const person: PersonOnPage = { name, role: item.role as PersonRole };
    const email = cleanEmail(item.email as string | undefined);
    if (email) person.email = email;
    if (phone) person.phone = phone;
    people.push(person);
  }
  return { ok: true, value: people };
}

/**
 * A snapshot's shape checked, then cleaned exactly as a detector cleans what it reads, since
 * a page can influence every field: text without control or direction-override characters,
 * at most 200 characters; an email that is one, a phone that is a real number (valid in
 * E.164), else dropped; a name that names someone (not a number, not "Call"), else no contact
 * (a dialer names an unknown caller by their number: that number is kept).
 */
function parseSnapshot(value: unknown): Verdict<ContactSnapshot> {
  if (!isRecord(value)) return { ok: false, why: 'snapshot is not an object' };
  const { evidence, others, ...fields } = value;
  const parsed = parseFields(fields);
  if (!parsed.ok) return parsed;
  const snapshot = parsed.value;
  if (evidence !== undefined) {
    const checked = parseEvidence(evidence);
    if (!checked.ok) return checked;
    snapshot.evidence = checked.value;
  }
  if (others !== undefined) {
    const checked = parseOthers(others);
    if (!checked.ok) return checked;
    if (checked.value.length) snapshot.others = checked.value;
  }
  return { ok: true, value: snapshot };
}

function parseFields(value: Record<string, unknown>): Verdict<ContactSnapshot> {
  for (const key of Object.keys(value)) {
    if (!SNAPSHOT_FIELDS.includes(key)) return { ok: false, why: `unknown field ${key}` };
    const field = value[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') return { ok: false, why: `${key} is not text` };
    if (field.length > MAX_FIELD_LENGTH) return { ok: false, why: `${key} is too long` };
  }
  for (const key of REQUIRED_FIELDS) {
    if (typeof value[key] !== 'string' || !(value[key] as string).trim()) {
      return { ok: false, why: `${key} is missing` };
    }
  }
  const text = (key: string) => value[key] as string | undefined;
  const phone = validPhone(text('phone'));
  let name = cleanName(text('name'));
  // A dialer's unknown caller is named by their number: that number, when it is a real one.
  if (!name && phone && digitsOf(cleanText(text('name'))) === digitsOf(phone)) name = phone;
  if (!name) return { ok: false, why: 'name is not a name' };
  const recordId = cleanText(text('recordId'), MAX_FIELD_LENGTH);
  if (!recordId) return { ok: false, why: 'recordId is missing' };
  const snapshot: ContactSnapshot = {
    site: text('site') as ContactSnapshot['site'],
    recordId,
    url: text('url')!,
    name,
  };
  const email = cleanEmail(text('email'));
  if (email) snapshot.email = email;
  if (phone) snapshot.phone = phone;
  for (const key of ['company', 'title', 'timeZone', 'stage'] as const) {
    const clean = cleanText(text(key));
    if (clean) snapshot[key] = clean;
  }
  return { ok: true, value: snapshot };
}

function siteOfWebUrl(
  text: string,
  siteOfUrl: (url: URL) => string | undefined,
): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? siteOfUrl(url) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Accepts a content-script message only from this extension's own content script, in a tab's
 * top frame, on a page whose site (decided from the browser-reported URL, not from the
 * message) is the one the snapshot claims. Whatever its kind, what it carries comes back
 * cleaned like detection output: the page may have written any of it.
 */
export function validateContentMessage(
  message: unknown,
  sender: SenderFacts,
  extensionId: string,
  siteOfUrl: (url: URL) => string | undefined,
): Verdict<{ tabId: number; message: MessageCStoBG }> {
  if (sender.id !== extensionId) return { ok: false, why: 'sender is another extension' };
  if (sender.tabId === undefined || sender.tabId < 0)
    return { ok: false, why: 'sender is not a tab' };
  if (sender.frameId !== undefined && sender.frameId !== 0)
    return { ok: false, why: 'sender is a subframe' };
  if (sizeOf(message) > MAX_MESSAGE_BYTES) return { ok: false, why: 'message is too large' };
  if (!isRecord(message)) return { ok: false, why: 'message is not an object' };
  let pageUrl: URL;
  try {
    pageUrl = new URL(sender.url ?? '');
  } catch {
    return { ok: false, why: 'sender has no page URL' };
  }
  const site = siteOfUrl(pageUrl);
  if (!site) return { ok: false, why: `no supported site at ${pageUrl.host}` };
  const tabId = sender.tabId;
  if (BARE_TYPES.includes(message.type as BareType)) {
    return { ok: true, value: { tabId, message: { type: message.type as BareType } } };
  }
  if (message.type === 'call-state') {
    const call = parseCall(message.call);
    return call.ok
      ? { ok: true, value: { tabId, message: { type: 'call-state', call: call.value } } }
      : call;
  }
  if (message.type === 'prepare-number') {
    const phone = validPhone(shortText(message.phone));
    if (!phone) return { ok: false, why: 'prepare-number needs a phone number' };
    if (message.name !== undefined && shortText(message.name) === null)
      return { ok: false, why: 'name is not short text' };
    // A link's text that names no one ("Call", the number again) is no name.
    const name = cleanName(message.name as string | undefined);
    return {
      ok: true,
      value: { tabId, message: { type: 'prepare-number', phone, ...(name ? { name } : {}) } },
    };
  }
  if (message.type !== 'contact-detected') return { ok: false, why: 'unknown message type' };
  const snapshot = parseSnapshot(message.snapshot);
  if (!snapshot.ok) return snapshot;
  if (snapshot.value.site !== site) {
    return { ok: false, why: `snapshot claims ${snapshot.value.site} on a ${site} page` };
  }
  // The record's link opens in the rep's browser: a web address on the same site, nothing else.
  if (siteOfWebUrl(snapshot.value.url, siteOfUrl) !== site) {
    return { ok: false, why: 'snapshot url is not on this site' };
  }
  return {
    ok: true,
    value: { tabId, message: { type: 'contact-detected', snapshot: snapshot.value } },
  };
}
