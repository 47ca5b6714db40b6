import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Contact, ContactMerge } from '@/lib/model';
import { splitLabel, splitMerge } from '@/lib/db/split-merge';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteError } from './WriteError';

/** The contact's menu: "Split …" for each join made earlier by an email or a phone, so two
 *  people wrongly made one become two again. Keyboard: arrows move, Escape closes. */
export function ContactMenu({ contact }: { contact: Contact }) {
  const [open, setOpen] = useState(false);
  const { run, busy, error } = useWrite();
  const [done, setDone] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const merges = contact.merges ?? [];

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  if (!merges.length && !done && !error) return null;

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const split = (merge: ContactMerge) =>
    run(() => splitMerge(contact.id, merge), {
      onDone: (separate) => {
        setDone(`${separate.name} is a contact of their own again.`);
        close();
      },
    });
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [
      ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step && items.length) {
      e.preventDefault();
      items[(at + step + items.length) % items.length]!.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      close();
    }
  };

  return (
    <div className="contact-menu">
      {merges.length > 0 && (
        <button
          ref={button}
          type="button"
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={open ? menuId : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          Contact menu
        </button>
      )}
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label="Contact menu" onKeyDown={onKeyDown}>
          {merges.map((merge, i) => (
            <li key={`${merge.at}-${i}`} role="none">
              <button
                type="button"
                role="menuitem"
                disabled={busy}
                onClick={() => void split(merge)}
              >
                {splitLabel(merge)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p role="status" className="hint">
          {done}
        </p>
      )}
      <WriteError message={error} />
    </div>
  );
}
