// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fieldByCaption, valueBesideCaption, withoutCaption } from '../../../lib/sites/captions';
import { mailtoOf, MAX_TEXT, phonesIn, telOf } from '../../../lib/sites/read-page';
import { sameName, titleDoubt } from '../../../lib/sites/record-evidence';
import { parse } from './fixtures';

const body = (markup: string) => parse(`<!DOCTYPE html><body>${markup}</body>`).body;

describe('values held with their captions', () => {
  it('leaves out a caption element inside the value, in any of four languages', () => {
    const el = (caption: string) =>
      body(`<div id="v"><span>${caption}</span> Lumen Freight</div>`).querySelector('#v')!;
    for (const caption of ['Company name', 'Firmenname', "Nom de l'entreprise", 'Empresa'])
      expect(valueBesideCaption(el(caption), 'company'), caption).toBe('Lumen Freight');
  });

  it('gives nothing when only the caption is there', () => {
    const el = body('<div id="v"><span>Job title</span></div>').querySelector('#v')!;
    expect(valueBesideCaption(el, 'title')).toBeUndefined();
  });

  it('cuts at the cap only after the caption is gone', () => {
    const long = 'x'.repeat(MAX_TEXT + 20);
    expect(withoutCaption(`Job title ${long}`, 'title')).toBe('x'.repeat(MAX_TEXT));
  });

  it('finds a value by a localised caption in a plain row, never an action or a heading', () => {
    const root = body(
      '<h2>Lena Ortiz</h2><div><span>E-Mail</span><span>lena@lumen.example</span></div>' +
        '<div><span>Titel</span><button>Titel bearbeiten</button></div>',
    );
    expect(fieldByCaption(root, 'email')).toBe('lena@lumen.example');
    expect(fieldByCaption(root, 'title')).toBeUndefined();
  });

  it('never reads captions in a related list or a preview', () => {
    const root = body(
      '<section aria-label="Related contacts"><dl><dt>Email</dt><dd>kim@x.example</dd></dl></section>',
    );
    expect(fieldByCaption(root, 'email')).toBeUndefined();
  });
});

describe('numbers and addresses in mixed text and links', () => {
  it('reads phone numbers out of captioned text', () => {
    expect(phonesIn('Phone number +1 (312) 555-0187 (office)')).toEqual(['+1 (312) 555-0187']);
    expect(phonesIn('Telefon: 030 1234567 / Mobil 0171 2345678')).toEqual([
      '030 1234567',
      '0171 2345678',
    ]);
  });

  it('reads mailto and tel targets only from links the rep sees', () => {
    const root = body(
      '<a id="m" href="mailto:Lena@Lumen.example?subject=hi">Email</a>' +
        '<a id="t" href="tel:+13125550187">Call</a>' +
        '<a id="h" hidden href="mailto:marco@fabrikam.example">x</a>',
    );
    expect(mailtoOf(root.querySelector('#m'))).toBe('lena@lumen.example');
    expect(telOf(root.querySelector('#t'))).toBe('+13125550187');
    expect(mailtoOf(root.querySelector('#h'))).toBeUndefined();
  });
});

describe('agreement of a record and its title', () => {
  it('treats the same words as the same person', () => {
    expect(sameName('Mr. Jordan Blake', 'Jordan  Blake')).toBe(true);
    expect(sameName('Jane Doe', 'Ann Lee')).toBe(false);
  });

  it('says in plain words when the title names someone else or is alone', () => {
    expect(titleDoubt('Jane Doe', 'Ann Lee', true)).toBe('The page title names Ann Lee');
    expect(titleDoubt('Jane Doe', 'Jane Doe', true)).toBeUndefined();
    expect(titleDoubt('Jane Doe', 'Jane Doe', false)).toMatch(
      /^Only the page title names Jane Doe/,
    );
  });
});
