// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactHeader } from '@/components/ContactHeader';
import { LIST_LIMITS } from '@/lib/model/limits';
import { storedContact } from '../stored-contact';

afterEach(cleanup);

const reach = () => screen.getByRole('banner').querySelector('dl') as HTMLElement;

describe('how to reach the contact, in the panel header', () => {
  it('shows the first of 20 addresses and "+19 more", and all of them on a click', async () => {
    const emails = Array.from({ length: LIST_LIMITS.emails }, (_, i) => `maria${i}@acme.example`);
    render(<ContactHeader contact={storedContact({ emails })} />);
    const list = reach();
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['maria0@acme.example']);
    const more = within(list).getByRole('button', { name: 'Show 19 more email addresses' });
    expect(more.textContent).toBe('+19 more');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(more);
    expect(within(list).getAllByRole('link')).toHaveLength(20);
    expect(
      within(list).getByRole('link', { name: 'maria19@acme.example' }).getAttribute('href'),
    ).toBe('mailto:maria19@acme.example');
    expect(more.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows one address and one number with no "more"', () => {
    render(
      <ContactHeader
        contact={storedContact({ emails: ['maria@acme.example'], phones: ['+1 415 555 0142'] })}
      />,
    );
    expect(screen.getByRole('link', { name: 'maria@acme.example' }).getAttribute('href')).toBe(
      'mailto:maria@acme.example',
    );
    expect(screen.getByRole('link', { name: /415.*555.0142/ }).getAttribute('href')).toBe(
      'tel:+14155550142',
    );
    expect(within(reach()).queryByRole('button')).toBeNull();
  });

  it('shows a stored address or number that is not one as text, never as a link', () => {
    render(
      <ContactHeader
        contact={storedContact({
          emails: ['javascript:alert(1)//@x.com', 'maria@acme.example?bcc=all@acme.example'],
          phones: ['javascript:alert(1)'],
        })}
      />,
    );
    const list = reach();
    expect(list.textContent).toContain('javascript:alert(1)//@x.com');
    expect(list.textContent).toContain('javascript:alert(1)');
    expect(list.querySelector('a')).toBeNull();
  });
});
