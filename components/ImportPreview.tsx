import { BACKUP_TABLES } from '@/lib/transfer/backup';
import { TABLE_LABELS, changesToWrite, type ImportCounts } from '@/lib/transfer/changes';

/** What an import will change, table by table, before anything is written. */
export function ImportPreview({
  fileName,
  counts,
  mergedContacts = 0,
  cuts = [],
}: {
  fileName: string;
  counts: Partial<ImportCounts>;
  mergedContacts?: number;
  /** What the check changes in the file's records, one line per kind. */
  cuts?: readonly string[];
}) {
  const tables = BACKUP_TABLES.filter((t) => counts[t]);
  const toWrite = changesToWrite(counts);
  return (
    <div className="import-preview">
      <table aria-label="Import preview">
        <caption>What importing {fileName} changes</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">To add</th>
            <th scope="col">To update</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((t) => (
            <tr key={t}>
              <th scope="row">{TABLE_LABELS[t]}</th>
              <td>{counts[t]!.add}</td>
              <td>{counts[t]!.update}</td>
              <td>{counts[t]!.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mergedContacts > 0 && (
        <p className="hint">
          {mergedContacts === 1 ? '1 contact' : `${mergedContacts} contacts`} in the file{' '}
          {mergedContacts === 1 ? 'is' : 'are'} already here under another id (same CRM record):
          merged into the one you have, never a duplicate. Contacts are never merged by a shared
          email or phone: the backup restores each one it holds.
        </p>
      )}
      {cuts.length > 0 && (
        <>
          <h3>Changed on the way in</h3>
          <ul aria-label="Changed on the way in" className="hint">
            {cuts.map((line) => (
              <li key={line}>{line}.</li>
            ))}
          </ul>
        </>
      )}
      {toWrite === 0 && (
        <p className="hint">Nothing to import: everything in this file is already here.</p>
      )}
    </div>
  );
}
