import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/transfer/csv';
import {
  contactsFromCsv,
  guessMapping,
  guessSource,
  salesforceId18,
  timeZoneFromCell,
} from '@/lib/transfer/crm-contacts';

function parse(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  const [header, ...rows] = parsed.rows;
  return { header: header!.cells, rows };
}

// Columns as HubSpot's contacts export writes them.
const HUBSPOT = [
  'Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,Job Title,Time Zone,Lifecycle Stage,Contact owner',
  '51234501,Jane,Doe,Jane.Doe@Northwind.example,+1 (415) 555-0142,+1 415 555 0199,Northwind Traders,VP Operations,america_slash_los_angeles,lead,Sam Reed',
  '51234502,,,nobody@example.com,,,,,,lead,',
  '51234503,Marco,Rossi,not-an-email,,,,,(GMT+01:00) Europe/Rome,lead,',
].join('\r\n');

// A Salesforce report export of contacts.
const SALESFORCE = [
  '"Contact ID","First Name","Last Name","Title","Account Name","Email","Phone","Mobile","Mailing City"',
  '"0035e00000AbCdE","Jane","Doe","VP Operations","Northwind Traders","jane.doe@northwind.example","(415) 555-0142","","San Francisco"',
].join('\n');

describe('HubSpot export', () => {
  it('is recognised and every known column mapped', () => {
    const { header } = parse(HUBSPOT);
    expect(guessSource(header)).toBe('hubspot');
    expect(guessMapping(header)).toEqual([
      'recordId',
      'firstName',
      'lastName',
      'email',
      'phone',
      'phone',
      'company',
      'title',
      'timeZone',
      'ignore',
      'ignore',
    ]);
  });

  it('gives one contact per named row and says which lines were skipped or trimmed', () => {
    const { header, rows } = parse(HUBSPOT);
    const { contacts, problems } = contactsFromCsv(rows, guessMapping(header), 'hubspot');
    expect(contacts).toEqual([
      {
        line: 2,
        site: 'hubspot',
        recordId: '51234501',
        name: 'Jane Doe',
        emails: ['Jane.Doe@Northwind.example'],
        phones: ['+1 (415) 555-0142', '+1 415 555 0199'],
        company: 'Northwind Traders',
        title: 'VP Operations',
        timeZone: 'America/Los_Angeles',
      },
      {
        line: 4,
        site: 'hubspot',
        recordId: '51234503',
        name: 'Marco Rossi',
        emails: [],
        phones: [],
        company: undefined,
        title: undefined,
        timeZone: 'Europe/Rome',
      },
    ]);
    expect(problems).toEqual([
      { line: 3, problem: 'Line 3: no name, so it was skipped.' },
      {
        line: 4,
        problem:
          'Line 4: "not-an-email" is not an email address; Marco Rossi was imported without it.',
      },
    ]);
  });

  it('follows the mapping the rep corrected', () => {
    const { header, rows } = parse(HUBSPOT);
    const mapping = guessMapping(header);
    mapping[10] = 'title'; // "Contact owner" as the title, on purpose
    mapping[7] = 'ignore';
    const { contacts } = contactsFromCsv(rows, mapping, 'hubspot');
    expect(contacts[0]?.title).toBe('Sam Reed');
  });
});

describe('Salesforce export', () => {
  it('is recognised, mapped, and its 15-character ids made case-safe 18', () => {
    const { header, rows } = parse(SALESFORCE);
    expect(guessSource(header)).toBe('salesforce');
    expect(guessMapping(header)).toEqual([
      'recordId',
      'firstName',
      'lastName',
      'title',
      'company',
      'email',
      'phone',
      'phone',
      'ignore',
    ]);
    const { contacts, problems } = contactsFromCsv(rows, guessMapping(header), 'salesforce');
    expect(problems).toEqual([]);
    expect(contacts[0]).toMatchObject({
      site: 'salesforce',
      recordId: salesforceId18('0035e00000AbCdE'),
      name: 'Jane Doe',
      company: 'Northwind Traders',
      phones: ['(415) 555-0142'],
    });
  });

  it('maps Data Loader API names and Lead exports too', () => {
    expect(guessMapping(['Id', 'FirstName', 'LastName', 'MobilePhone', 'Company'])).toEqual([
      'recordId',
      'firstName',
      'lastName',
      'phone',
      'company',
    ]);
    expect(guessSource([' lead id ', 'COMPANY', 'email'])).toBe('salesforce');
    expect(guessSource(['Name', 'Email'])).toBe('csv');
    expect(guessMapping(['Name', 'E-mail', 'Notes'])).toEqual(['fullName', 'email', 'ignore']);
  });

  it('computes the 18-character id Salesforce shows', () => {
    // Worked by hand: one checksum letter per 5 characters, from their capitals.
    expect(salesforceId18('001A000000HdVBj')).toBe('001A000000HdVBjIAN');
    expect(salesforceId18('003000000000000')).toBe('003000000000000AAA');
    expect(salesforceId18('003000000000000AAA')).toBe('003000000000000AAA');
  });
});

describe('timeZoneFromCell', () => {
  it('reads IANA names in the spellings CRMs export', () => {
    expect(timeZoneFromCell('America/Chicago')).toBe('America/Chicago');
    expect(timeZoneFromCell('america_slash_new_york')).toBe('America/New_York');
    expect(timeZoneFromCell('(GMT-06:00) America/Chicago')).toBe('America/Chicago');
    expect(timeZoneFromCell('Eastern Time')).toBeUndefined();
  });
});
