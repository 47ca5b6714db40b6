// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ContactHeader } from '@/components/ContactHeader';
import { repRegion } from '@/components/phone-display';
import { showPhone } from '@/components/phone-format';
import { saveRepSettings } from '@/lib/db/settings';
import { storedContact } from '../stored-contact';

afterEach(cleanup);

describe("the rep's region", () => {
  it.each([
    ['America/Chicago', 'US'],
    ['America/Los_Angeles', 'US'],
    ['America/Toronto', 'CA'],
    ['Europe/London', 'GB'],
    ['Europe/Paris', 'FR'],
    ['Asia/Kolkata', 'IN'],
    ['Australia/Sydney', 'AU'],
  ])('is read from their time zone %s → %s', (zone, region) => {
    expect(repRegion(zone, ['de-DE'])).toBe(region);
  });

  it("falls back to the browser language's region when the zone names no country", () => {
    expect(repRegion('UTC', ['en-GB', 'en'])).toBe('GB');
    expect(repRegion('Etc/GMT+5', ['fr'])).toBe('FR'); // "fr" means France's French
    expect(repRegion('UTC', [])).toBeUndefined();
  });
});

describe('phone numbers as the rep reads them', () => {
  it('shows numbers of the rep’s country in national format, others in international format', () => {
    expect(showPhone('+13125550142', 'US')).toBe('(312) 555-0142');
    expect(showPhone('+442075550199', 'US')).toBe('+44 20 7555 0199');
    expect(showPhone('+442075550199', 'GB')).toBe('020 7555 0199');
    expect(showPhone('+13125550142', 'GB')).toBe('+1 312 555 0142');
    expect(showPhone('312-555-0142', 'US')).toBe('(312) 555-0142');
  });

  it('shows a number it cannot read as it was written', () => {
    expect(showPhone('555 01', 'US')).toBe('555 01');
    expect(showPhone('+1 312 555 0142', undefined)).toBe('+1 312 555 0142');
  });
});

describe('the panel header', () => {
  it('shows a Chicago rep the raw +13125550142 as (312) 555-0142, still dialling +13125550142', async () => {
    await saveRepSettings({
      id: 'rep',
      repName: 'Rita',
      company: 'Acme',
      callbackNumber: '',
      timeZone: 'America/Chicago',
    });
    render(<ContactHeader contact={storedContact({ phones: ['+13125550142'] })} />);
    const link = await screen.findByRole('link', { name: '(312) 555-0142' });
    expect(link.getAttribute('href')).toBe('tel:+13125550142');
  });

  it('shows a London rep the same number in international format', async () => {
    await saveRepSettings({
      id: 'rep',
      repName: 'Rita',
      company: 'Acme',
      callbackNumber: '',
      timeZone: 'Europe/London',
    });
    render(<ContactHeader contact={storedContact({ phones: ['+13125550142'] })} />);
    const link = await screen.findByRole('link', { name: '+1 312 555 0142' });
    expect(link.getAttribute('href')).toBe('tel:+13125550142');
  });
});
