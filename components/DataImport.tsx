import { useRef } from 'react';
import { changesToWrite, type ImportProgress } from '@/lib/transfer/changes';
import { useFileImport } from '@/lib/hooks/file-import';
import { CsvColumnMapping } from './CsvColumnMapping';
import { CsvMerges } from './CsvMerges';
import { ImportPreview } from './ImportPreview';
import { WriteError } from './WriteError';

function progressLabel(progress: ImportProgress, unit: string): string {
  const of = `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`;
  return progress.phase === 'checking'
    ? `Checking against your data: ${of} ${unit}`
    : `Writing: ${of} records`;
}

/** Import a backup or a CRM's contacts CSV: a preview first, then the write with a progress
 *  bar. The file is read, checked and written by a worker, so the page stays responsive. */
export function DataImport({ onImported }: { onImported: () => void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const file = useFileImport(() => {
    if (fileInput.current) fileInput.current.value = '';
    onImported();
  });
  const { chosen, progress, busy } = file;
  const counts =
    chosen?.kind === 'backup'
      ? chosen.preview.counts
      : chosen?.preview && { contacts: chosen.preview.counts };
  const csvPreview = chosen?.kind === 'csv' ? chosen.preview : undefined;
  const hidden = csvPreview ? csvPreview.problemCount - csvPreview.problems.length : 0;

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <p className="hint">
        A Second Call backup (.json), or contacts exported from HubSpot, Salesforce or a spreadsheet
        (.csv, UTF-8). You see what changes before anything is written. A backup restores exactly
        the contacts it holds, merged only by id or CRM record. A CSV's rows join contacts by CRM
        record, email or phone, each merge listed for you to refuse; a number or address several
        people share merges no one.
      </p>
      <label className="field">
        Import file
        <input
          ref={fileInput}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          onChange={(e) => file.choose(e.target.files?.[0])}
        />
      </label>
      {chosen?.kind === 'csv' && (
        <CsvColumnMapping
          header={chosen.header}
          sample={chosen.sample}
          mapping={chosen.mapping}
          source={chosen.source}
          contacts={chosen.preview?.first}
          contactCount={chosen.preview?.contacts}
          onMappingChange={(mapping) => file.remap(chosen.source, mapping)}
          onSourceChange={(source) => file.remap(source, chosen.mapping)}
        />
      )}
      {csvPreview && csvPreview.problemCount > 0 && (
        <>
          <h3>Left out</h3>
          <ul aria-label="Rows left out" className="hint">
            {csvPreview.problems.map((p, i) => (
              <li key={i}>{p.problem}</li>
            ))}
            {hidden > 0 && <li>…and {hidden} more.</li>}
          </ul>
        </>
      )}
      {chosen && counts && (
        <>
          <ImportPreview
            fileName={chosen.fileName}
            counts={counts}
            mergedContacts={chosen.kind === 'backup' ? chosen.preview.mergedContacts : 0}
            cuts={chosen.kind === 'backup' ? chosen.preview.cuts : []}
          />
          {chosen.kind === 'csv' && csvPreview && (
            <CsvMerges
              preview={csvPreview}
              rows={csvPreview.contacts}
              refused={chosen.refused}
              disabled={busy}
              onRefuse={file.refuse}
            />
          )}
          <div className="row">
            <button
              type="button"
              onClick={file.runImport}
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
            aria-label={busy ? 'Import progress' : 'Preview progress'}
            max={Math.max(progress.total, 1)}
            value={progress.done}
          />
          <span className="muted">
            {progressLabel(progress, chosen?.kind === 'csv' ? 'rows' : 'records')}
          </span>
        </div>
      )}
      <p role="status">{file.status}</p>
      <WriteError message={file.error} />
    </section>
  );
}
