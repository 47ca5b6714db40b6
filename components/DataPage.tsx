import { useEffect, useState } from 'react';
import { format } from 'date-fns';
import { exportEverything, exportTableCsv, lastBackupAt, rememberBackup } from '@/lib/db/transfer';
import { serializeBackup } from '@/lib/transfer/backup';
import { CSV_TABLES, CSV_TABLE_LABELS, type CsvTable } from '@/lib/transfer/table-csv';
import { useWrite } from '@/lib/hooks/use-write';
import { useNow } from '@/lib/hooks/now';
import { DataImport } from './DataImport';
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

/** An export that failed says so: nothing of the rep's was changed, so not "Not saved". */
const exportFailed = (error: unknown) =>
  `Export failed: ${error instanceof Error ? error.message : String(error)}`;

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
  const { run, busy, error: exportError } = useWrite();
  const [refreshKey, setRefreshKey] = useState(0);

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

  // The write returns what the screen says; the screen changes only once it is done, and only
  // while the rep is still on the page.
  const exportJson = () => {
    setExportStatus(undefined);
    const at = Date.now();
    const fileName = `second-call-backup-${format(at, 'yyyy-MM-dd')}.json`;
    return run(
      async () => {
        const backup = await exportEverything(at);
        download(fileName, [serializeBackup(backup)], 'application/json');
        await rememberBackup(at);
        return backup;
      },
      {
        words: exportFailed,
        onDone: (backup) => {
          setLastBackup(at);
          setRefreshKey((k) => k + 1);
          setExportStatus(
            `Saved ${fileName}: ${several(backup.contacts.length, 'contact')}, ${several(backup.notes.length, 'note')}, ${several(backup.attempts.length, 'call')}, ${several(backup.tasks.length, 'follow-up')}.`,
          );
        },
      },
    );
  };

  const exportCsv = () => {
    setExportStatus(undefined);
    const fileName = `second-call-${csvTable}-${format(Date.now(), 'yyyy-MM-dd')}.csv`;
    return run(
      async () =>
        // The BOM tells spreadsheets the file is UTF-8.
        download(fileName, ['\uFEFF', await exportTableCsv(csvTable)], 'text/csv;charset=utf-8'),
      { words: exportFailed, onDone: () => setExportStatus(`Saved ${fileName}.`) },
    );
  };

  return (
    <div className="data-page">
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p className="hint">
          Everything stays in this browser until you export it. A JSON backup holds all of it and
          imports back into Second Call anywhere; a CSV opens in a spreadsheet.
        </p>
        <div className="row">
          <button type="button" disabled={busy} onClick={() => void exportJson()}>
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
          <button type="button" disabled={busy} onClick={() => void exportCsv()}>
            Export CSV
          </button>
        </div>
        <p role="status">{busy ? 'Exporting…' : exportStatus}</p>
        <WriteError message={exportError} />
      </section>

      <DataImport onImported={() => setRefreshKey((k) => k + 1)} />

      <StorageUsage lastBackup={lastBackup} now={now} refreshKey={refreshKey} />
    </div>
  );
}
