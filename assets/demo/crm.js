// A tiny single-page CRM for the demo: a contact list and one record view, navigated with
// pushState the way HubSpot and Salesforce do, so the extension's navigation handling shows.
const PEOPLE = [
  {
    id: 'maria-lopez',
    name: 'Maria Lopez',
    email: 'maria.lopez@northwind.example',
    phone: '+1 312 555 0142',
    company: 'Northwind Logistics',
    title: 'VP Operations',
    timeZone: 'America/Chicago',
  },
  {
    id: 'kenji-sato',
    name: 'Kenji Sato',
    email: 'k.sato@harbor-analytics.example',
    phone: '+81 3 5550 0110',
    company: 'Harbor Analytics',
    title: 'Head of Sales Ops',
    timeZone: 'Asia/Tokyo',
  },
  {
    id: 'priya-shah',
    name: 'Priya Shah',
    email: 'priya@brightline.example',
    phone: '+44 20 7555 0199',
    company: 'Brightline Health',
    title: 'Director of Finance',
    timeZone: 'Europe/London',
  },
];

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function link(href, text) {
  const a = el('a', text, { href });
  a.addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState(null, '', href);
    render();
  });
  return a;
}

function renderList(view) {
  view.append(el('h1', 'All contacts'));
  const table = el('table');
  const head = el('tr');
  for (const title of ['Name', 'Company', 'Title']) head.append(el('th', title));
  table.append(head);
  for (const person of PEOPLE) {
    const row = el('tr');
    const name = el('td');
    name.append(link(`/contacts/${person.id}`, person.name));
    row.append(name, el('td', person.company), el('td', person.title));
    table.append(row);
  }
  view.append(table);
}

function renderRecord(view, person) {
  const record = el('article', '', { 'data-demo-record': person.id });
  record.append(el('h1', person.name, { 'data-demo-field': 'name' }));
  const facts = el('dl');
  const rows = [
    ['Company', 'company'],
    ['Job title', 'title'],
    ['Email', 'email'],
    ['Phone', 'phone'],
    ['Time zone', 'timeZone'],
  ];
  for (const [label, key] of rows) {
    facts.append(el('dt', label), el('dd', person[key], { 'data-demo-field': key }));
  }
  record.append(facts);
  view.append(record);
}

function render() {
  const view = document.getElementById('view');
  view.replaceChildren();
  const id = location.pathname.match(/^\/contacts\/([a-z0-9-]+)$/)?.[1];
  const person = PEOPLE.find((p) => p.id === id);
  // Records render a moment after navigation, as real CRMs do.
  if (person) setTimeout(() => renderRecord(view, person), 150);
  else renderList(view);
}

const nav = document.getElementById('people');
for (const person of PEOPLE) {
  const item = el('li');
  item.append(link(`/contacts/${person.id}`, person.name));
  nav.append(item);
}
nav.previousElementSibling.addEventListener('click', (event) => {
  event.preventDefault();
  history.pushState(null, '', '/');
  render();
});
window.addEventListener('popstate', render);
render();
