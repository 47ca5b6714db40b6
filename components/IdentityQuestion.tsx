import { useEffect, useId, useRef } from 'react';
import type { PersonOnPage } from '@/lib/model';
import type { TabDoubt } from '@/lib/messaging/protocol';
import {
  chooseContact,
  chooseNewContact,
  choosePerson,
  confirmDoubt,
  type ChoiceResult,
} from '@/lib/actions/identity-choice';
import { useWrite } from '@/lib/hooks/use-write';
import { useMisplacedRecords } from '@/lib/stores/misplaced-records';
import { PeopleOnPage } from './PeopleOnPage';
import { PossibleMatches } from './PossibleMatches';
import { StoredContactSearch } from './StoredContactSearch';
import { WriteError } from './WriteError';
import { usePhoneDisplay } from './phone-display';

/**
 * "Is this <name>?": the extension is not sure who the page shows, or the rep said "Not
 * <name>?". Nobody's notes show until the rep confirms, picks someone the page shows, or finds
 * a stored contact; the answer is remembered for the record.
 */
export function IdentityQuestion({ tabId, doubt }: { tabId: number; doubt: TabDoubt }) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The question replaces what the rep was looking at: a keyboard starts from it.
  useEffect(() => heading.current?.focus(), []);
  const { run, busy, error } = useWrite();
  const offerMove = useMisplacedRecords((s) => s.offerMove);
  const showPhone = usePhoneDisplay();
  const answer = (choice: () => Promise<ChoiceResult>) =>
    run(async () => {
      const result = await choice();
      // The store outlives this question, which the answer replaces: told inside the write.
      if (result.kind === 'shown') offerMove(result.misplaced);
    });
  const { snapshot } = doubt;
  const shared = doubt.candidateIds.length > 0;
  // With several stored contacts sharing the key, "Confirm" could only ask again.
  const confirmable = doubt.shownId !== undefined || (snapshot !== undefined && !shared);
  const details = snapshot
    ? [
        snapshot.title,
        snapshot.company,
        snapshot.email,
        snapshot.phone && showPhone(snapshot.phone),
      ]
        .filter(Boolean)
        .join(' · ')
    : doubt.phone && showPhone(doubt.phone);
  return (
    <section className="identity-question" aria-labelledby={headingId} aria-busy={busy}>
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        Is this {doubt.name}?
      </h1>
      {details && <p className="contact-role">{details}</p>}
      <p>{doubt.why}</p>
      <div className="row">
        {confirmable && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void answer(() => confirmDoubt(tabId, doubt))}
          >
            Confirm
          </button>
        )}
        {shared && snapshot && !doubt.shownId && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void answer(() => chooseNewContact(tabId, doubt))}
          >
            New contact {snapshot.name}
          </button>
        )}
      </div>
      <WriteError message={error} />
      {shared && (
        <PossibleMatches
          ids={doubt.candidateIds}
          disabled={busy}
          onPick={(id) => void answer(() => chooseContact(tabId, doubt, id))}
        />
      )}
      {snapshot?.others && snapshot.others.length > 0 && (
        <PeopleOnPage
          people={snapshot.others}
          disabled={busy}
          onPick={(person: PersonOnPage) => void answer(() => choosePerson(tabId, doubt, person))}
        />
      )}
      <h2>Someone else</h2>
      <StoredContactSearch onPick={(id) => void answer(() => chooseContact(tabId, doubt, id))} />
    </section>
  );
}
