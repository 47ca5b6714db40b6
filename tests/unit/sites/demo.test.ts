// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { demo } from '@/lib/sites/demo';

const url = new URL('http://localhost:4477/contacts/maria-lopez');

function page(title: string, extra = ''): Document {
  document.title = title;
  document.body.replaceChildren();
  const record = document.createElement('article');
  record.setAttribute('data-demo-record', 'maria-lopez');
  const name = document.createElement('h1');
  name.setAttribute('data-demo-field', 'name');
  name.textContent = 'Maria Lopez';
  record.append(name);
  document.body.append(record);
  if (extra) {
    const aside = document.createElement('aside');
    const person = document.createElement('span');
    person.setAttribute('data-demo-person', '');
    person.setAttribute('data-demo-role', 'associated');
    person.setAttribute('data-demo-email', 'kenji@harbor.example');
    person.textContent = extra;
    aside.append(person);
    document.body.append(aside);
  }
  return document;
}

describe('the demo CRM', () => {
  it('is sure when the record’s URL and heading agree', () => {
    expect(demo.detect(page('Acme CRM — demo'), url)?.evidence).toEqual({
      signals: ['record-url', 'record-header'],
      confidence: 'sure',
    });
  });

  it('is unsure when the tab’s title names someone else, and lists the other people', () => {
    const snapshot = demo.detect(page('Kenji Sato · Acme CRM', 'Kenji Sato'), url);
    expect(snapshot).toMatchObject({
      name: 'Maria Lopez',
      evidence: { confidence: 'unsure', doubt: 'The page title names Kenji Sato.' },
      others: [{ name: 'Kenji Sato', email: 'kenji@harbor.example', role: 'associated' }],
    });
    expect(demo.detect(page('Maria Lopez · Acme CRM'), url)?.evidence?.confidence).toBe('sure');
  });
});
