import { useEffect, useRef, useState } from 'react';
import { format } from 'date-fns';
import {
  exportEverything,
  exportTableCsv,
  importBackup,
  importContactsCsv,
  lastBackupAt,
  previewContactsCsv,
  previewImport,
  rememberBackup,
  type ImportPreview as BackupPreview,
} from '@/lib/db/transfer';
import { describeWriteError } from '@/lib/db/errors';
import { parseBackup, serializeBackup, sizeProblem, type Backup } from '@/lib/transfer/backup';
import {
  changesToWrite,
  describeCounts,
  type ChangeCounts,
  type ImportProgress,
} from '@/lib/transfer/changes';
import { parseCsv, type CsvRow } from '@/lib/transfer/csv';
import {
  contactsFromCsv,
  guessMapping,
  guessSource,
  type ColumnMapping,
  type CsvContacts,
  type CsvSource,
} from '@/lib/transfer/crm-contacts';
import { decodeImport } from '@/lib/transfer/decode';
import { CSV_TABLES, CSV_TABLE_LABELS, type CsvTable } from '@/lib/transfer/table-csv';
import { useNow } from '@/lib/stores/now';
import { CsvColumnMapping } from './CsvColumnMapping';
import { ImportPreview } from './ImportPreview';
import { StorageUsage } from './StorageUsage';
import { WriteError } from './WriteError';

/** Saves `parts` as a file in the rep's downloads: a local object URL, no network. */
function download(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the URL only needs to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

type Chosen =
  | { kind: 'backup'; fileName: string; backup: Backup; preview: BackupPreview }
  | {
      kind: 'csv';
      fileName: string;
      header: string[];
      rows: CsvRow[];
      source: CsvSource;
      mapping: ColumnMapping;
      read: CsvContacts;
      preview: ChangeCounts;
    };

/** Reads a chosen file into what the preview shows, or throws the problem (with its line). */
async function readChosenFile(file: File): Promise<Chosen> {
  const tooBig = sizeProblem(file.size);
  if (tooBig) throw new Error(tooBig);
  const decoded = decodeImport(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) throw new Error(decoded.problem);
  const looksJson = /\.json$/i.test(file.name) || /^\s*[{[]/.test(decoded.text);
  if (looksJson) {
    const parsed = parseBackup(decoded.text);
    if (!parsed.ok) throw new Error(parsed.problem);
    const preview = await previewImport(parsed.backup);
    return { kind: 'backup', fileName: file.name, backup: parsed.backup, preview };
  }
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) throw new Error(parsed.problem);
  const [head, ...rows] = parsed.rows;
  if (!head || rows.length === 0) {
    throw new Error(
      'This CSV holds no contacts: it needs a header line and at least one row. Nothing was imported.',
    );
  }
  const source = guessSource(head.cells);
  return csvChoice(file.name, head.cells, rows, source, guessMapping(head.cells, source));
}

async function csvChoice(
  fileName: string,
  header: string[],
  rows: CsvRow[],
  source: CsvSource,
  mapping: ColumnMapping,
): Promise<Chosen> {
  const read = contactsFromCsv(rows, mapping, source);
  const preview = await previewContactsCsv(read.contacts);
  return { kind: 'csv', fileName, header, rows, source, mapping, read, preview };
}

const MAX_PROBLEMS_SHOWN = 8;

function several(n: number, thing: string): string {
  return `${n} ${thing}${n === 1 ? '' : 's'}`;
}

/** The rep's data, theirs to move: export a backup or CSV, import a backup or a CRM's
 *  contacts CSV after a preview, and see the space it takes. */
export function DataPage() {
  const now = useNow(60_000);
  const [lastBackup, setLastBackup] = useState<number | undefined | null>(null);
  const [csvTable, setCsvTable] = useState<CsvTable>('contacts');
  const [exportStatus, setExportStatus] = useState<string>();
  const [exportError, setExportError] = useState<string>();
  const [chosen, setChosen] = useState<Chosen>();
  const [importStatus, setImportStatus] = useState<string>();
  const [importError, setImportError] = useState<string>();
  const [progress, setProgress] = useState<ImportProgress>();
  const [busy, setBusy] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const choice = useRef(0);

  useEffect(() => {
    let live = true;
    lastBackupAt().then(
      (at) => live && setLastBackup(at),
      () => live && setLastBackup(undefined),
    );
    return () => {
      live = false;
    };
  }, []);

  const exportJson = async () => {
    setExportError(undefined);
    setExportStatus('Exporting…');
    try {
      const at = Date.now();
      const backup = await exportEverything(at);
      const fileName = `second-call-backup-${format(at, 'yyyy-MM-dd')}.json`;
      download(fileName, [serializeBackup(backup)], 'application/json');
      await rememberBackup(at);
      setLastBackup(at);
      setRefreshKey((k) => k + 1);
      setExportStatus(
        `Saved ${fileName}: ${several(backup.contacts.length, 'contact')}, ${several(backup.notes.length, 'note')}, ${several(backup.attempts.length, 'call')}, ${several(backup.tasks.length, 'follow-up')}.`,
      );
    } catch (error) {
      setExportStatus(undefined);
      setExportError(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const exportCsv = async () => {
    setExportError(undefined);
    try {
      const fileName = `second-call-${csvTable}-${format(Date.now(), 'yyyy-MM-dd')}.csv`;
      // The BOM tells spreadsheets the file is UTF-8.
      download(fileName, ['\uFEFF', await exportTableCsv(csvTable)], 'text/csv;charset=utf-8');
      setExportStatus(`Saved ${fileName}.`);
    } catch (error) {
      setExportError(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    const ticket = ++choice.current;
    setChosen(undefined);
    setImportError(undefined);
    setImportStatus(undefined);
    if (!file) return;
    setImportStatus(`Reading ${file.name}…`);
    try {
      const next = await readChosenFile(file);
      if (ticket !== choice.current) return;
      setChosen(next);
      setImportStatus(undefined);
    } catch (error) {
      if (ticket !== choice.current) return;
      setImportStatus(undefined);
      setImportError(error instanceof Error ? error.message : String(error));
    }
  };

  const remap = async (source: CsvSource, mapping: ColumnMapping) => {
    if (chosen?.kind !== 'csv') return;
    const ticket = ++choice.current;
    try {
      const next = await csvChoice(chosen.fileName, chosen.header, chosen.rows, source, mapping);
      if (ticket === choice.current) setChosen(next);
    } catch (error) {
      if (ticket === choice.current) setImportError(describeWriteError(error));
    }
  };

  const runImport = async () => {
    if (!chosen || busy) return;
    setBusy(true);
    setImportError(undefined);
    setImportStatus(undefined);
    setProgress({ done: 0, total: 0 });
    try {
      const counts =
        chosen.kind === 'backup'
          ? (await importBackup(chosen.backup, setProgress)).counts
          : { contacts: await importContactsCsv(chosen.read.contacts, setProgress) };
      setImportStatus(`Imported ${chosen.fileName}. ${describeCounts(counts)}`);
      setChosen(undefined);
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      setImportError(`${describeWriteError(error)} Nothing was imported: your data is as it was.`);
    } finally {
      setBusy(false);
      setProgress(undefined);
      setRefreshKey((k) => k + 1);
    }
  };

  const counts = chosen
    ? chosen.kind === 'backup'
      ? chosen.preview.counts
      : { contacts: chosen.preview }
    : undefined;
  const problems = chosen?.kind === 'csv' ? chosen.read.problems : [];

  return (
    <div className="data-page">
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p className="hint">
          Everything stays in this browser until you export it. A JSON backup holds all of it and
          imports back into Second Call anywhere; a CSV opens in a spreadsheet.
        </p>
        <div className="row">
          <button type="button" onClick={() => void exportJson()}>
            Export JSON
          </button>
          <label className="row">
            CSV of
            <select
              value={csvTable}
              onChange={(e) => setCsvTable(e.target.value as CsvTable)}
              style={{ width: 'auto' }}
            >
              {CSV_TABLES.map((t) => (
                <option key={t} value={t}>
                  {CSV_TABLE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
        </div>
        <p role="status">{exportStatus}</p>
        <WriteError message={exportError} />
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import</h2>
        <p className="hint">
          A Second Call backup (.json), or contacts exported from HubSpot, Salesforce or a
          spreadsheet (.csv, UTF-8). You see what changes before anything is written; records are
          merged by id and contacts by CRM record or email, never duplicated.
        </p>
        <label className="field">
          Import file
          <input
            ref={fileInput}
            type="file"
            accept=".json,.csv,application/json,text/csv"
            disabled={busy}
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
        </label>
        {chosen?.kind === 'csv' && (
          <CsvColumnMapping
            header={chosen.header}
            rows={chosen.rows}
            mapping={chosen.mapping}
            source={chosen.source}
            contacts={chosen.read.contacts}
            onMappingChange={(mapping) => void remap(chosen.source, mapping)}
            onSourceChange={(source) => void remap(source, chosen.mapping)}
          />
        )}
        {problems.length > 0 && (
          <>
            <h3>Left out</h3>
            <ul aria-label="Rows left out" className="hint">
              {problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => (
                <li key={i}>{p.problem}</li>
              ))}
              {problems.length > MAX_PROBLEMS_SHOWN && (
                <li>…and {problems.length - MAX_PROBLEMS_SHOWN} more.</li>
              )}
            </ul>
          </>
        )}
        {chosen && counts && (
          <>
            <ImportPreview
              fileName={chosen.fileName}
              counts={counts}
              mergedContacts={chosen.kind === 'backup' ? chosen.preview.mergedContacts : 0}
            />
            <div className="row">
              <button
                type="button"
                onClick={() => void runImport()}
                disabled={busy || changesToWrite(counts) === 0}
              >
                Import
              </button>
            </div>
          </>
        )}
        {progress && (
          <div className="row">
            <progress
              aria-label="Import progress"
              max={Math.max(progress.total, 1)}
              value={progress.done}
            />
            <span className="muted">
              {progress.done.toLocaleString()} of {progress.total.toLocaleString()} records
            </span>
          </div>
        )}
        <p role="status">{importStatus}</p>
        <WriteError message={importError} />
      </section>

      <StorageUsage lastBackup={lastBackup} now={now} refreshKey={refreshKey} />
    </div>
  );
}
