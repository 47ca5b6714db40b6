// Shared types. No imports: everything else may import this.

/** A supported site's key, e.g. 'hubspot', 'gmail'. */
export type SiteId = string;

/** Where a contact lives in a CRM: one contact may have several. */
export interface CrmIdentity {
  site: SiteId;
  recordId: string;
  url: string;
}

export type Channel = 'call' | 'email';

/** What told a detector who the record's subject is. Strong signals: the record id in the URL
 *  together with the record's own header, the page title, the highlighted fields; a mail
 *  thread's external party; a dialer's live call. */
export const EVIDENCE_SIGNALS = [
  /** The URL names one record (a CRM record id, a mail thread, a dialer's call). */
  'record-url',
  /** The tab's title names the same person. */
  'page-title',
  /** The record's own header (highlight, profile card) names them. */
  'record-header',
  /** The record's own fields (email, phone, name properties) belong to them. */
  'fields',
  /** A mail thread: they are the external sender or recipient, the rep's address known. */
  'mail-party',
  /** A dialer: they are the other party of the call on screen. */
  'call-party',
] as const;
export type EvidenceSignal = (typeof EVIDENCE_SIGNALS)[number];

/** 'sure': strong signals agree; 'unsure': they disagree or only a weak one exists — the panel
 *  then asks "Is this <name>?" before showing anyone. */
type Confidence = 'sure' | 'unsure';

export interface DetectionEvidence {
  /** The signals that agree on this person. */
  signals: EvidenceSignal[];
  confidence: Confidence;
  /** Why it is unsure, in the rep's words ("The page title names Ann Lee"). */
  doubt?: string;
}

/** Why a person on a page is not the record's subject. */
export const PERSON_ROLES = [
  /** Copied on a mail thread beside a "to" party. */
  'cc',
  /** A colleague of the rep's (same email domain). */
  'colleague',
  /** An association card, related record, "people also viewed". */
  'associated',
  /** A recents, history or call-log list. */
  'recent',
  /** A hovercard, tooltip or preview. */
  'preview',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Someone else the page shows: offered when the rep says the detected person is wrong. */
export interface PersonOnPage {
  name: string;
  email?: string;
  phone?: string;
  role: PersonRole;
}

/** What a site adapter read off a page: only facts the page shows, never page HTML. */
export interface ContactSnapshot {
  site: SiteId;
  recordId: string;
  url: string;
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  title?: string;
  /** IANA zone, when the page states one. */
  timeZone?: string;
  /** The deal or lifecycle stage the CRM shows (e.g. "Sales Qualified Lead"). */
  stage?: string;
  /** Which signals named this person, and how sure that is. */
  evidence?: DetectionEvidence;
  /** Other people the page shows, with their roles (at most MAX_OTHERS). */
  others?: PersonOnPage[];
}

/** Where a web dialer's call is: nothing on, ringing out or in, talking, or just hung up. */
export type CallState = 'idle' | 'ringing' | 'active' | 'ended';

/** What a dialer page shows about its current call (a site's `detectCall`, the messages). */
export interface CallSnapshot {
  state: CallState;
  /** The other party's number as shown on the page. */
  phone?: string;
  /** Their name, when the dialer shows one. */
  name?: string;
}

/** The voicemail timer the page shows, shared by the coach, the background and the page. */
export interface VoicemailTimerState {
  /** Epoch ms when the timer started. */
  startedAt: number;
  /** Epoch ms when the rep stopped it; absent while it runs. */
  stoppedAt?: number;
}

/** Most other people a snapshot lists. */
export const MAX_OTHERS = 8;

/** 'nurture': monthly touches only; 'closed': the rep stopped following up. */
export type ContactStatus = 'active' | 'nurture' | 'closed';

export interface Contact {
  id: string;
  name: string;
  /** All known addresses, lower-cased; the first is the one shown. */
  emails: string[];
  /** All known numbers; the first is the one shown. */
  phones: string[];
  company?: string;
  title?: string;
  /** The prospect's IANA time zone, when known. */
  timeZone?: string;
  preferredChannel?: Channel;
  /** Where the rep stands with them; missing means 'active'. Not indexed, so adding it needed
   *  no schema version: Dexie stores whole objects and only declares indexed fields. */
  status?: ContactStatus;
  identities: CrmIdentity[];
  /** When the deal advanced to the next stage: marked by the rep, or a stage change seen on
   *  the CRM page (the funnel's last step). */
  advancedAt?: number;
  /** The last stage a CRM page showed for this contact. */
  stage?: string;
  /** `${site}:${recordId}` for each identity: the index that finds a contact from a page. */
  identityKeys: string[];
  /** People or records joined to this contact by an email or a phone (never by a CRM record):
   *  each can be split off again. Not indexed, so no schema version. */
  merges?: ContactMerge[];
  createdAt: number;
  updatedAt: number;
}

/** One join made by a weaker key than a CRM record: what it brought, so Split can undo it. */
export interface ContactMerge {
  /** The key both shared. */
  key: 'email' | 'phone';
  value: string;
  /** The CRM identity (`site:recordId`) the join added, if any. */
  identity?: string;
  /** Values the join added beside the key. */
  emails?: string[];
  phones?: string[];
  /** The name the joined record showed. */
  name?: string;
  at: number;
}

export const NOTE_KINDS = ['pain point', 'deadline', 'quote', 'personal', 'other'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface Note {
  id: string;
  contactId: string;
  kind: NoteKind;
  text: string;
  /** Search words of `text` (schema v2+), kept by the writes in lib/db/notes. */
  words?: string[];
  createdAt: number;
  updatedAt: number;
}

export const OUTCOMES = [
  'meeting-booked',
  'connected',
  'voicemail',
  'no-answer',
  'gatekeeper',
  'not-interested',
  'wrong-number',
  'call-back',
  'sent-info',
  'email-sent',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What can happen when the rep dials, in the order of the panel's one-click buttons and their
 *  number keys 1–7 (DESIGN.md's UI contract). */
export const CALL_OUTCOMES: readonly Outcome[] = OUTCOMES.slice(0, 7);

/** What the rep sees for each outcome. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  'meeting-booked': 'Meeting booked',
  connected: 'Connected',
  voicemail: 'Voicemail',
  'no-answer': 'No answer',
  gatekeeper: 'Gatekeeper',
  'not-interested': 'Not interested',
  'wrong-number': 'Wrong number',
  'call-back': 'Call back',
  'sent-info': 'Sent info',
  'email-sent': 'Email sent',
};

/** What the call plan said when the attempt was made. */
export interface PlanSummary {
  goal?: string;
  reference?: string;
  newValue?: string;
  ask?: string;
  /** All three elements were met when the outcome was logged. */
  complete?: boolean;
}

export interface Attempt {
  id: string;
  contactId: string;
  /** Epoch ms when the outcome was logged. */
  at: number;
  channel: Channel;
  outcome: Outcome;
  /** Seconds of voicemail left, when there was one. */
  voicemailSeconds?: number;
  /** A time the prospect asked for or agreed to (epoch ms), e.g. "call me in a month". */
  agreedAt?: number;
  /** A time the rep promised to try again, e.g. a voicemail's "I'll try you again Thursday at
   *  11" (epoch ms): the prospect agreed to nothing, so it is never worded as an agreement. */
  promisedAt?: number;
  plan?: PlanSummary;
  note?: string;
  /** The rep marked, after a conversation, that they did not remember the rep: the next call
   *  re-introduces first. Not indexed, so no schema version. */
  didNotRemember?: boolean;
  /** Open tasks this attempt marked done (the follow-up happened), so undo can reopen them. */
  closedTaskIds?: string[];
  /** The contact's status before this attempt changed it (a conversation brought a nurture
   *  contact back to active), so undo can put it back. */
  statusBefore?: { status: ContactStatus; updatedAt: number };
}

/** 'meeting': a booked meeting, not a follow-up; a later outcome does not close it. */
type TaskKind = 'meeting';

/** When and how to follow up next, as the cadence decides it. */
export interface FollowUp {
  dueAt: number;
  channel: Channel;
  /** A short sentence the rep reads in the queue. */
  reason: string;
  kind?: TaskKind;
}

type TaskStatus = 'open' | 'done';

export interface Task {
  id: string;
  contactId: string;
  dueAt: number;
  channel: Channel;
  status: TaskStatus;
  /** Why this task exists, in the rep's words, e.g. "2 business days after a connected call". */
  reason: string;
  /** The attempt that created it, so undo can remove exactly that. */
  attemptId?: string;
  /** Missing for an ordinary follow-up. */
  kind?: TaskKind;
  createdAt: number;
}

export interface RepSettings {
  id: 'rep';
  repName: string;
  company: string;
  callbackNumber: string;
  /** The rep's IANA time zone. */
  timeZone: string;
}

export const SOMETHING_NEW_KINDS = ['case study', 'answer', 'insight', 'proposal'] as const;
export type SomethingNewKind = (typeof SOMETHING_NEW_KINDS)[number];

/** The rep's draft for the next call with one contact. */
export interface CallPlan {
  contactId: string;
  goal: string;
  /** The note picked as the specific reference, if any. */
  referenceNoteId?: string;
  /** Free text of the reference (filled from the note, editable). */
  reference: string;
  newValueKind?: SomethingNewKind;
  newValue: string;
  ask: string;
  opener: string;
  updatedAt: number;
}

export type WeakKey = 'email' | 'phone';

/** Why a key held by stored contacts joined none of them. */
export type ApartReason = 'shared' | 'other-record' | 'other-email' | 'other-name';
