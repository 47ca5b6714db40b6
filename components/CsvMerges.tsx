import type { CsvApart, CsvJoin, CsvPreviewSummary } from '@/lib/transfer/import-messages';

const APART_WHY: Readonly<Record<CsvApart['why'], string>> = {
  shared: 'is shared by several people (a switchboard or a team address), so it merges no one',
  'other-record': 'belongs to another record of the same CRM',
  'other-email': 'belongs to a contact with another email',
  'other-name': 'belongs to a contact of another name',
  several: 'belongs to several contacts: none is guessed',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** "Dana Kim (line 2) ← line 5 (same email dana@acme.example)" */
function joinText(join: CsvJoin): string {
  const into = join.intoLine === undefined ? join.into : `${join.into} (line ${join.intoLine})`;
  const row = join.name === join.into ? `line ${join.line}` : `line ${join.line}, ${join.name}`;
  return `${into} ← ${row} (same ${join.key} ${join.value})`;
}

/** Why the CSV's rows come to the counts they do: each row joined to a contact by an email or
 *  a phone, with a box to refuse it, and the rows kept apart although they share one. */
export function CsvMerges({
  preview,
  rows,
  refused,
  disabled,
  onRefuse,
}: {
  preview: CsvPreviewSummary;
  /** Rows read as contacts. */
  rows: number;
  /** Lines whose join the rep refused. */
  refused: readonly number[];
  disabled?: boolean;
  onRefuse: (line: number, refused: boolean) => void;
}) {
  const { counts, joins, joinCount, apart, apartCount } = preview;
  const merged = joinCount - refused.length;
  const reasons = [
    `${plural(counts.add, 'new contact')}`,
    counts.update ? `${plural(counts.update, 'contact')} already here updated` : '',
    counts.unchanged ? `${plural(counts.unchanged, 'contact')} already here unchanged` : '',
  ].filter(Boolean);
  return (
    <div className="csv-merges">
      <p className="hint" aria-label="Why these counts">
        {plural(rows, 'row')}: {reasons.join(', ')}.{' '}
        {merged > 0 &&
          `${plural(merged, 'row')} ${merged === 1 ? 'joins' : 'join'} a contact by the same email or phone. `}
        {refused.length > 0 && `${plural(refused.length, 'refused merge')}: added on their own. `}
        {apartCount > 0 &&
          `${plural(apartCount, 'row')} ${apartCount === 1 ? 'shares' : 'share'} an email or phone with a contact but ${apartCount === 1 ? 'is' : 'are'} kept apart.`}
      </p>
      {joinCount > 0 && (
        <>
          <h3>Merged by email or phone</h3>
          <p className="hint">Untick a merge that joins two different people.</p>
          <ul aria-label="Merges" className="merge-list">
            {joins.map((join) => (
              <li key={join.line}>
                <label>
                  <input
                    type="checkbox"
                    checked={!refused.includes(join.line)}
                    disabled={disabled}
                    onChange={(e) => onRefuse(join.line, !e.target.checked)}
                  />{' '}
                  {joinText(join)}
                </label>
              </li>
            ))}
            {joinCount > joins.length && <li>…and {joinCount - joins.length} more.</li>}
          </ul>
        </>
      )}
      {apartCount > 0 && (
        <>
          <h3>Kept apart</h3>
          <ul aria-label="Kept apart" className="hint">
            {apart.map((row) => (
              <li key={row.line}>
                Line {row.line}, {row.name}: its {row.key} {row.value} {APART_WHY[row.why]}.
              </li>
            ))}
            {apartCount > apart.length && <li>…and {apartCount - apart.length} more.</li>}
          </ul>
        </>
      )}
    </div>
  );
}
