import type { CallSnapshot, ContactSnapshot, SiteId } from '../model';

/** One supported site. `detect` is pure: it reads only the document and URL it is given. */
export interface SiteAdapter {
  id: SiteId;
  /** The name the rep sees, e.g. "HubSpot". */
  name: string;
  /** Match patterns of the pages this adapter reads (also the host permissions it needs). */
  matches: string[];
  /** Granted at install; every other site is an optional permission the rep turns on. */
  atInstall?: boolean;
  detect(document: Document, url: URL): ContactSnapshot | null;
  /** The record `url` shows, the same for every URL of that record (a query, a hash, a
   *  sub-tab), null when it shows none: a tab still on it keeps its contact. Pure. */
  recordOf?(url: URL): string | null;
  /** Web dialers only: the call on screen. Pure, like `detect`. */
  detectCall?(document: Document, url: URL): CallSnapshot | null;
  /** Web dialers only: `detect` and `detectCall` from one reading of the page, as the content
   *  script wants both on every change (a dialer's page is watched for as long as it is open). */
  detectWithCall?(document: Document, url: URL): PageReading;
}

/** The contact and the call one reading of a page found. */
export interface PageReading {
  contact: ContactSnapshot | null;
  call: CallSnapshot | null;
}
