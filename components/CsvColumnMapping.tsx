import type { CsvRow } from '@/lib/transfer/csv';
import {
  CONTACT_FIELDS,
  CONTACT_FIELD_LABELS,
  CSV_SOURCE_LABELS,
  type ColumnMapping,
  type ContactField,
  type CsvContact,
  type CsvSource,
} from '@/lib/transfer/crm-contacts';

const SOURCES = Object.keys(CSV_SOURCE_LABELS) as CsvSource[];

/** Which column of a contacts CSV holds what, as guessed from its headers; the rep corrects
 *  any column with its choice list, and sees the first contacts as they will be imported. */
export function CsvColumnMapping({
  header,
  sample,
  mapping,
  source,
  contacts,
  contactCount,
  onMappingChange,
  onSourceChange,
}: {
  header: readonly string[];
  /** The file's first rows, shown under each column. */
  sample: readonly CsvRow[];
  mapping: ColumnMapping;
  source: CsvSource;
  /** The first contacts as the current mapping reads them; undefined while it is checked. */
  contacts: readonly CsvContact[] | undefined;
  /** Every row the mapping reads as a contact. */
  contactCount: number | undefined;
  onMappingChange: (mapping: ColumnMapping) => void;
  onSourceChange: (source: CsvSource) => void;
}) {
  const named = mapping.some((f) => f === 'firstName' || f === 'lastName' || f === 'fullName');
  return (
    <div className="csv-mapping">
      <label className="field">
        Exported from
        <select value={source} onChange={(e) => onSourceChange(e.target.value as CsvSource)}>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {CSV_SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <table aria-label="Column mapping">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Imported as</th>
            <th scope="col">First values</th>
          </tr>
        </thead>
        <tbody>
          {header.map((column, i) => (
            <tr key={i}>
              <th scope="row">{column || `Column ${i + 1}`}</th>
              <td>
                <select
                  aria-label={`Import column "${column || `Column ${i + 1}`}" as`}
                  value={mapping[i] ?? 'ignore'}
                  onChange={(e) => {
                    const next = [...mapping];
                    next[i] = e.target.value as ContactField;
                    onMappingChange(next);
                  }}
                >
                  {CONTACT_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {CONTACT_FIELD_LABELS[f]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="muted">
                {sample
                  .map((r) => r.cells[i] ?? '')
                  .filter(Boolean)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!named && (
        <p className="write-error">
          No column is imported as a name: choose the column that holds the first, last or full
          name.
        </p>
      )}
      {contacts && contacts.length > 0 && (
        <table aria-label="First contacts">
          <caption>
            The first {contacts.length} of {contactCount ?? contacts.length} contacts as they will
            be imported
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
              <th scope="col">Company</th>
              <th scope="col">Job title</th>
              <th scope="col">CRM record ID</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.line}>
                <td>{c.line}</td>
                <td>{c.name}</td>
                <td>{c.emails.join(', ')}</td>
                <td>{c.phones.join(', ')}</td>
                <td>{c.company}</td>
                <td>{c.title}</td>
                <td>{c.recordId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
