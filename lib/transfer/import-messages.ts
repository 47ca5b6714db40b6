// What the Data page and its import worker say to each other. One worker per chosen file:
// the page sends the file, the worker reads, checks and previews it, and writes it on "import".
import type { BackupTable } from './backup';
import type { ChangeCounts, ImportCounts, ImportProgress } from './changes';
import type { CsvRow } from './csv';
import type { ColumnMapping, CsvContact, CsvRowProblem, CsvSource } from './crm-contacts';
import type { ApartReason, WeakKey } from '../model';

/** A row joined to a contact by an email or a phone (never by its CRM record): listed in the
 *  preview, where the rep may refuse it. */
export interface CsvJoin {
  /** The row's line in the file. */
  line: number;
  name: string;
  key: WeakKey;
  value: string;
  /** The contact it joins, as named before the join. */
  into: string;
  /** The line of the row that made that contact, when it is new from this file. */
  intoLine?: number;
  /** The rep refused it: the row is added as its own contact. */
  refused?: boolean;
}

/** A row that shares an email or a phone with stored contacts but joins none of them. */
export interface CsvApart {
  line: number;
  name: string;
  key: WeakKey;
  value: string;
  /** Shared (a switchboard, info@), another record of the same CRM, another email, another
   *  name, or several contacts it could be. */
  why: ApartReason | 'several';
}

/** Rows of the file shown under each column of the mapping. */
export const SAMPLE_ROWS = 3;
/** Contacts shown as they will be imported. */
export const FIRST_CONTACTS = 5;
/** Problems of left-out rows sent to the page (the rest are counted). */
export const PROBLEMS_SENT = 8;
/** Joins (each with its checkbox) and rows kept apart sent to the page (the rest are counted). */
export const JOINS_SENT = 500;

export type ImportRequest =
  /** A File is a handle: posting it copies nothing, the worker reads the bytes itself. */
  | { type: 'open'; file: Blob; fileName: string; now?: number }
  /** The rep corrected the columns of a CSV: preview again (`seq` tells answers apart). */
  | { type: 'remap'; seq: number; source: CsvSource; mapping: ColumnMapping }
  /** The rep refused the joins of these rows (their lines): preview again. */
  | { type: 'refuse'; seq: number; refused: number[] }
  /** Write the file; a CSV's refused joins go with it. */
  | { type: 'import'; refused?: number[] };

export interface BackupPreviewSummary {
  counts: ImportCounts;
  mergedContacts: number;
  /** One line per kind of change the check made to the file's records ("1 note was cut to
   *  20,000 characters"): everything stored differently from the file is said here. */
  cuts: string[];
}

export interface CsvPreviewSummary {
  /** The mapping request this answers (0: the guessed mapping). */
  seq: number;
  counts: ChangeCounts;
  /** Rows read as contacts, and the first few of them. */
  contacts: number;
  first: CsvContact[];
  /** Rows or values left out, the first PROBLEMS_SENT of them, and how many in all. */
  problems: CsvRowProblem[];
  problemCount: number;
  /** Rows joined to a contact by an email or a phone, each with the key, the first
   *  JOINS_SENT of them, and how many in all. */
  joins: CsvJoin[];
  joinCount: number;
  /** Rows sharing a key with a contact but kept apart, and why. */
  apart: CsvApart[];
  apartCount: number;
}

export type ImportReport =
  | { type: 'progress'; progress: ImportProgress }
  /** The file cannot be imported: what is wrong, and where. Nothing was written. */
  | { type: 'refused'; problem: string; line?: number }
  | { type: 'backup-preview'; preview: BackupPreviewSummary }
  | {
      type: 'csv-read';
      header: string[];
      sample: CsvRow[];
      rows: number;
      source: CsvSource;
      mapping: ColumnMapping;
    }
  | { type: 'csv-preview'; preview: CsvPreviewSummary }
  | { type: 'imported'; counts: Partial<Record<BackupTable, ChangeCounts>> }
  /** The write failed and was rolled back: the message says why, for the rep. */
  | { type: 'failed'; message: string };
