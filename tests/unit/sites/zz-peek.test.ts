// @vitest-environment happy-dom
import { it } from 'vitest';
import { casesFor } from '/work/wt/meta/tests/unit/sites/fixtures';
import { runVariant } from '/work/wt/meta/tests/unit/sites/variants/run';
it('peek', () => {
  const want = (process.env.PEEK ?? '').split(',');
  for (const w of want) {
    const [sf, n] = w.split('#');
    const [site, file] = sf!.split('/');
    const c = casesFor(site!).find((x) => x.file === file)!;
    runVariant(c as never, Number(n), (doc) => console.log(`=== ${w}\n` + new XMLSerializer().serializeToString(doc.body)));
  }
}, 60000);
