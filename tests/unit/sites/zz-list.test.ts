// @vitest-environment happy-dom
import { it } from 'vitest';
import { casesFor } from './fixtures';
import { runVariant } from './variants/run';
it('list', () => {
  const [site, file] = (process.env.LIST ?? '').split('/');
  const c = casesFor(site!).find((x) => x.file === file)!;
  for (let n = 0; n < 40; n += 1) {
    const o = runVariant(c as never, n);
    console.log(n, o ? `${o.verdict.kind} ${o.steps.join(' | ')}` : 'n/a');
  }
}, 60000);
