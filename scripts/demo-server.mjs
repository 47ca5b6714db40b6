// Serves the bundled demo CRM (assets/demo) on localhost. Every /contacts/* path gets the
// single-page app, as a real CRM serves its record URLs.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve('assets/demo');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export function startDemoServer(port = 4477) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = ['/crm.js', '/crm.css'].includes(path) ? path.slice(1) : 'index.html';
    const type = TYPES[file.slice(file.lastIndexOf('.'))];
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
    res.end(readFileSync(join(ROOT, file)));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}
