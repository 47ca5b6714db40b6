// What an import changes, table by table: counted before anything is written (the preview)
// and again as it is written (the result).
import { BACKUP_TABLES, type BackupTable } from './backup';

export interface ChangeCounts {
  /** Records not stored yet. */
  add: number;
  /** Records stored with other content (same id, or the same contact under another id). */
  update: number;
  /** Records stored exactly as the file has them. */
  unchanged: number;
}

export type ImportCounts = Record<BackupTable, ChangeCounts>;

export interface ImportProgress {
  /** 'checking': the file's records (or rows) compared with what is stored, nothing written;
   *  'writing': the records that change, written. */
  phase: 'checking' | 'writing';
  /** Records (rows) checked, or records written, so far. */
  done: number;
  /** Records (rows) to check, or records to write in all (adds and updates). */
  total: number;
}

export const TABLE_LABELS: Readonly<Record<BackupTable, string>> = {
  contacts: 'Contacts',
  notes: 'Notes',
  attempts: 'Call history',
  tasks: 'Follow-ups',
  plans: 'Call plans',
  settings: 'Your details',
};

export function noChanges(): ChangeCounts {
  return { add: 0, update: 0, unchanged: 0 };
}

export function emptyImportCounts(): ImportCounts {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, noChanges()])) as ImportCounts;
}

/** Records an import would write (adds plus updates). */
export function changesToWrite(counts: Partial<ImportCounts>): number {
  return Object.values(counts).reduce((sum, c) => sum + (c ? c.add + c.update : 0), 0);
}

/** "2 added, 1 updated, 5 unchanged" */
function describeChange(c: ChangeCounts): string {
  return `${c.add} added, ${c.update} updated, ${c.unchanged} unchanged`;
}

/** "Contacts: 2 added, 0 updated, 0 unchanged. Notes: …" — tables with any record only. */
export function describeCounts(counts: Partial<ImportCounts>): string {
  const parts = BACKUP_TABLES.flatMap((t) => {
    const c = counts[t];
    if (!c || c.add + c.update + c.unchanged === 0) return [];
    return [`${TABLE_LABELS[t]}: ${describeChange(c)}.`];
  });
  return parts.length ? parts.join(' ') : 'The file holds no records.';
}
