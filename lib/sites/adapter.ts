import type { ContactSnapshot, SiteId } from '../model';

/** One supported site. `detect` is pure: it reads only the document and URL it is given. */
export interface SiteAdapter {
  id: SiteId;
  /** The name the rep sees, e.g. "HubSpot". */
  name: string;
  /** Match patterns of the pages this adapter reads (also the host permissions it needs). */
  matches: string[];
  detect(document: Document, url: URL): ContactSnapshot | null;
}
