// Contacts exported from a CRM as CSV (HubSpot, Salesforce, or any spreadsheet): which column
// holds what, guessed from the headers and corrected by the rep, then one contact per row.
import type { CsvRow } from './csv';
import { LIST_LIMITS, TEXT_LIMITS, capText } from '../model/limits';

export const CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'company',
  'title',
  'recordId',
  'timeZone',
  'ignore',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** What the rep reads in each column's choice list. */
export const CONTACT_FIELD_LABELS: Readonly<Record<ContactField, string>> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  title: 'Job title',
  recordId: 'CRM record ID',
  timeZone: 'Time zone',
  ignore: 'Ignore',
};

/** One field per CSV column, in the columns' order. */
export type ColumnMapping = ContactField[];

export type CsvSource = 'hubspot' | 'salesforce' | 'csv';

export const CSV_SOURCE_LABELS: Readonly<Record<CsvSource, string>> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  csv: 'Another CRM or spreadsheet',
};

/** Headers compared without case, spaces or punctuation: "First Name" = "FirstName". */
function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const COMMON: Record<string, ContactField> = {
  firstname: 'firstName',
  lastname: 'lastName',
  name: 'fullName',
  fullname: 'fullName',
  email: 'email',
  emailaddress: 'email',
  phone: 'phone',
  phonenumber: 'phone',
  mobile: 'phone',
  mobilephone: 'phone',
  mobilephonenumber: 'phone',
  company: 'company',
  companyname: 'company',
  accountname: 'company',
  title: 'title',
  jobtitle: 'title',
  timezone: 'timeZone',
};

/** HubSpot's contact export ("Export" on a contacts view). */
const HUBSPOT: Record<string, ContactField> = {
  ...COMMON,
  recordid: 'recordId',
  contactid: 'recordId',
  associatedcompany: 'company',
};

/** Salesforce report exports and Data Loader (API names: FirstName, MobilePhone, Id). */
const SALESFORCE: Record<string, ContactField> = {
  ...COMMON,
  contactid: 'recordId',
  leadid: 'recordId',
  id: 'recordId',
};

const GENERIC: Record<string, ContactField> = {
  ...COMMON,
  recordid: 'recordId',
  id: 'recordId',
};

const MAPS: Record<CsvSource, Record<string, ContactField>> = {
  hubspot: HUBSPOT,
  salesforce: SALESFORCE,
  csv: GENERIC,
};

/** Which CRM exported these headers, by the columns only it writes. */
export function guessSource(header: readonly string[]): CsvSource {
  const keys = new Set(header.map(headerKey));
  if (keys.has('recordid') || keys.has('phonenumber') || keys.has('mobilephonenumber')) {
    return 'hubspot';
  }
  if (
    keys.has('contactid') ||
    keys.has('leadid') ||
    keys.has('accountname') ||
    (keys.has('id') && (keys.has('firstname') || keys.has('lastname')))
  ) {
    return 'salesforce';
  }
  return 'csv';
}

/** A field for every column, from its header; unknown columns are ignored. */
export function guessMapping(
  header: readonly string[],
  source: CsvSource = guessSource(header),
): ColumnMapping {
  const known = MAPS[source];
  const mapping = header.map((h) => known[headerKey(h)] ?? 'ignore');
  // One record id only: the first column that names one.
  let seenId = false;
  return mapping.map((field) => {
    if (field !== 'recordId') return field;
    if (seenId) return 'ignore';
    seenId = true;
    return field;
  });
}

/** A row of the CSV as a contact to merge in: what a CRM page would show of them. */
export interface CsvContact {
  /** The file's line the row starts on. */
  line: number;
  /** The site the record ids belong to: 'hubspot', 'salesforce' or 'csv'. */
  site: string;
  recordId?: string;
  name: string;
  emails: string[];
  phones: string[];
  company?: string;
  title?: string;
  timeZone?: string;
}

export interface CsvRowProblem {
  line: number;
  problem: string;
}

export interface CsvContacts {
  contacts: CsvContact[];
  /** Rows skipped, and values left out, each with its line. */
  problems: CsvRowProblem[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A one-line cell within the cap every stored name, company and title keeps. */
function capped(
  cell: string | undefined,
  what: string,
  line: number,
  problems: CsvRowProblem[],
): string | undefined {
  if (cell === undefined || cell.length <= TEXT_LIMITS.name) return cell;
  problems.push({
    line,
    problem: `Line ${line}: the ${what} was cut to ${TEXT_LIMITS.name} characters.`,
  });
  return capText(cell, TEXT_LIMITS.name);
}

/** The first `max` values of a row's list, saying so when there were more. */
function firstOf(
  values: string[],
  max: number,
  what: string,
  name: string,
  line: number,
  problems: CsvRowProblem[],
): string[] {
  if (values.length <= max) return values;
  problems.push({
    line,
    problem: `Line ${line}: ${name} has ${values.length} ${what}; the first ${max} were imported.`,
  });
  return values.slice(0, max);
}
const SF_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Salesforce's case-safe 18-character id of a 15-character one (reports often export 15,
 * record pages show 18), so an imported contact matches the page the rep opens later.
 */
export function salesforceId18(id: string): string {
  if (!/^[a-zA-Z0-9]{15}$/.test(id)) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let k = 0; k < 5; k++) {
      const c = id[chunk * 5 + k]!;
      if (c >= 'A' && c <= 'Z') bits |= 1 << k;
    }
    suffix += SF_ID_CHARS[bits];
  }
  return id + suffix;
}

/** An IANA zone from a CRM's time zone cell ("America/Chicago", HubSpot's
 *  "america_slash_chicago", "(GMT-06:00) America/Chicago"), or undefined. */
export function timeZoneFromCell(cell: string): string | undefined {
  const raw = cell.trim();
  if (!raw) return undefined;
  const candidates: string[] = [];
  if (raw.includes('_slash_')) {
    candidates.push(
      raw
        .split('_slash_')
        .map((part) =>
          part
            .split('_')
            .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
            .join('_'),
        )
        .join('/'),
    );
  }
  const named = /[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+/.exec(raw);
  if (named) candidates.push(named[0]);
  if (/^(utc|gmt|etc\/utc)$/i.test(raw)) candidates.push('UTC');
  for (const zone of candidates) {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      // not a zone this browser knows
    }
  }
  return undefined;
}

/**
 * One contact per data row (the header row excluded), by `mapping`. A row without a name is
 * skipped; a value that cannot be right (an email without "@") is left out. Both are
 * reported with the row's line.
 */
export function contactsFromCsv(
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  source: CsvSource,
): CsvContacts {
  const contacts: CsvContact[] = [];
  const problems: CsvRowProblem[] = [];
  for (const row of rows) {
    const values: Partial<Record<ContactField, string[]>> = {};
    mapping.forEach((field, column) => {
      const cell = (row.cells[column] ?? '').trim();
      if (field === 'ignore' || !cell) return;
      (values[field] ??= []).push(cell);
    });
    const first = values.firstName?.join(' ') ?? '';
    const last = values.lastName?.join(' ') ?? '';
    const fullName = (values.fullName?.[0] ?? `${first} ${last}`).replace(/\s+/g, ' ').trim();
    const name = capped(fullName, 'name', row.line, problems) ?? '';
    if (!name) {
      problems.push({ line: row.line, problem: `Line ${row.line}: no name, so it was skipped.` });
      continue;
    }
    const emails: string[] = [];
    for (const cell of values.email ?? []) {
      for (const part of cell.split(/[;,\s]+/).filter(Boolean)) {
        if (part.length <= TEXT_LIMITS.email && EMAIL.test(part)) {
          if (!emails.includes(part)) emails.push(part);
        } else {
          problems.push({
            line: row.line,
            problem: `Line ${row.line}: "${part}" is not an email address; ${name} was imported without it.`,
          });
        }
      }
    }
    const phones: string[] = [];
    for (const cell of values.phone ?? []) {
      if (cell.length <= TEXT_LIMITS.phone && (cell.match(/\d/g) ?? []).length >= 3) {
        if (!phones.includes(cell)) phones.push(cell);
      } else {
        problems.push({
          line: row.line,
          problem: `Line ${row.line}: "${cell}" is not a phone number; ${name} was imported without it.`,
        });
      }
    }
    let rawId = values.recordId?.[0];
    if (rawId && rawId.length > TEXT_LIMITS.recordId) {
      problems.push({
        line: row.line,
        problem: `Line ${row.line}: the record id is longer than ${TEXT_LIMITS.recordId} characters, so it is no CRM record's; ${name} was imported without it.`,
      });
      rawId = undefined;
    }
    const recordId = rawId && source === 'salesforce' ? salesforceId18(rawId) : rawId;
    const zoneCell = values.timeZone?.[0];
    const timeZone = zoneCell ? timeZoneFromCell(zoneCell) : undefined;
    if (zoneCell && !timeZone) {
      problems.push({
        line: row.line,
        problem: `Line ${row.line}: "${zoneCell}" is not a time zone this browser knows; ${name} was imported without it.`,
      });
    }
    contacts.push({
      line: row.line,
      site: source,
      recordId,
      name,
      emails: firstOf(emails, LIST_LIMITS.emails, 'email addresses', name, row.line, problems),
      phones: firstOf(phones, LIST_LIMITS.phones, 'phone numbers', name, row.line, problems),
      company: capped(values.company?.[0], 'company', row.line, problems),
      title: capped(values.title?.[0], 'title', row.line, problems),
      timeZone,
    });
  }
  return { contacts, problems };
}
