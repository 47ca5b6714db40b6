import { useEffect, useState } from 'react';
import { format } from 'date-fns';
import { exportEverything, exportTableCsv, lastBackupAt, rememberBackup } from '@/lib/db/transfer';
import { serializeBackup } from '@/lib/transfer/backup';
import { CSV_TABLES, CSV_TABLE_LABELS, type CsvTable } from '@/lib/transfer/table-csv';
import { useNow } from '@/lib/stores/now';
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

      <DataImport onImported={() => setRefreshKey((k) => k + 1)} />

      <StorageUsage lastBackup={lastBackup} now={now} refreshKey={refreshKey} />
    </div>
  );
}
