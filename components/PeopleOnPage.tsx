import { useId } from 'react';
import type { PersonOnPage, PersonRole } from '@/lib/model';

/** How the rep hears each role beside a name: "Maya Chen (cc)". */
const ROLE_WORDS: Readonly<Record<PersonRole, string>> = {
  cc: 'cc',
  colleague: 'your colleague',
  associated: 'associated',
  recent: 'recent',
  preview: 'preview',
};

/** The other people the page shows, one button each: picking one says it is them. */
export function PeopleOnPage({
  people,
  disabled,
  onPick,
}: {
  people: PersonOnPage[];
  disabled: boolean;
  onPick: (person: PersonOnPage) => void;
}) {
  const headingId = useId();
  return (
    <>
      <h2 id={headingId}>Other people on this page</h2>
      <ul aria-labelledby={headingId}>
        {people.map((person) => (
          <li key={`${person.email ?? person.phone ?? ''}:${person.name}`}>
            <button
              type="button"
              className="contact-choice"
              disabled={disabled}
              onClick={() => onPick(person)}
            >
              {person.name} ({ROLE_WORDS[person.role]})
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
