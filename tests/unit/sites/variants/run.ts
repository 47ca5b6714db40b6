// Builds, reads and judges the variants of every fixture of some sites, and prints the tally.
// A variant is named <site>/<file>#<n>; its transforms and every random choice follow from that
// name alone. META_VARIANT=<name> reruns one variant and prints its page.
import { afterAll, describe, expect, it } from 'vitest';
import type { ContactSnapshot } from '../../../../lib/model';
import type { CallSnapshot } from '../../../../lib/model';
import { SITES } from '../../../../lib/sites/registry';
import { casesFor, html, parse, type FixtureCase } from '../fixtures';
import { numbersIn, REP_NAME, REP_PHONE, type Person } from './people';
import { otherPerson } from './people';
import { rngOf } from './random';
import {
  TRANSFORM_ORDER,
  TRANSFORMS,
  TRANSFORMS_FOR,
  type SiteKind,
  type TransformId,
  type VariantContext,
} from './transforms';
import { verdictOf, type Verdict } from './verdict';

export const KIND_OF: Readonly<Record<string, SiteKind>> = {
  gmail: 'mail',
  outlook: 'mail',
  aircall: 'dialer',
  dialpad: 'dialer',
  justcall: 'dialer',
  ringcentral: 'dialer',
};
const kindOf = (site: string): SiteKind => KIND_OF[site] ?? 'crm';

type CaseWithCall = FixtureCase & { call?: CallSnapshot };

export interface Outcome {
  name: string;
  site: string;
  /** The transforms drawn for the variant, and those that found something to change. */
  tried: TransformId[];
  transforms: TransformId[];
  steps: string[];
  /** Null when no transform applied (the variant is the fixture itself: not counted). */
  verdict: Verdict | null;
}

const personOf = (snapshot: ContactSnapshot): Person => ({
  name: snapshot.name,
  email: snapshot.email,
  phone: snapshot.phone,
  company: snapshot.company,
  title: snapshot.title,
});

/** Which transforms variant n of a fixture combines: each alone first, then pairs and triples. */
export function transformsOf(
  kind: SiteKind,
  n: number,
  rng: ReturnType<typeof rngOf>,
): TransformId[] {
  const available = TRANSFORMS_FOR[kind];
  const singles = available.length * 2;
  if (n < singles) return [available[n % available.length] as TransformId];
  return rng.sample(available, n % 2 === 0 ? 2 : 3);
}

/** Builds variant n of a fixture, reads it, judges it. */
export function runVariant(c: CaseWithCall, n: number, keep?: (doc: Document) => void): Outcome {
  const name = `${c.site}/${c.file}#${n}`;
  const rng = rngOf(name);
  const kind = kindOf(c.site);
  const source = html(c);
  const doc = parse(source);
  const repEmail = /riley\.rep@[a-z0-9.-]+/i.exec(source)?.[0] ?? 'riley.rep@sellerco.example';
  const expected = c.expect ? personOf(c.expect) : null;
  const pageNumbers = numbersIn(doc.body.textContent ?? '');
  const ctx: VariantContext = {
    doc,
    kind,
    expect: expected,
    recordId: c.expect?.recordId,
    other: otherPerson(rng, expected, pageNumbers),
    rng,
    rep: { name: REP_NAME, email: repEmail.toLowerCase(), phone: REP_PHONE },
    pageNumbers,
    donor: () => {
      const donors = casesFor(c.site).filter((d) => d.expect !== null);
      if (donors.length === 0) return undefined;
      const donor = rng.pick(donors);
      return donor.expect ? { doc: parse(html(donor)), person: personOf(donor.expect) } : undefined;
    },
  };
  const chosen = transformsOf(kind, n, rng);
  const applied: TransformId[] = [];
  const steps: string[] = [];
  for (const id of TRANSFORM_ORDER) {
    if (!chosen.includes(id)) continue;
    const step = TRANSFORMS[id](ctx);
    if (step === null) continue;
    applied.push(id);
    steps.push(`${id}: ${step}`);
  }
  if (applied.length === 0) {
    doc.documentElement.remove();
    return { name, site: c.site, tried: chosen, transforms: applied, steps, verdict: null };
  }
  keep?.(doc);
  const adapter = SITES.find((s) => s.id === c.site);
  if (!adapter) throw new Error(`no adapter for ${c.site}`);
  const url = new URL(c.url);
  const got = adapter.detect(doc, url);
  const call = adapter.detectCall?.(doc, url);
  const verdict = verdictOf(c.expect, got, c.call, call);
  // The DOM shim keeps documents alive through pending custom elements: empty each one.
  doc.documentElement.remove();
  return { name, site: c.site, tried: chosen, transforms: applied, steps, verdict };
}

/** Variants tried per fixture (those to which no transform applied are not counted). */
export const VARIANTS_PER_FIXTURE = 40;

type Tally = Record<'right' | 'none' | 'wrong', number>;
const emptyTally = (): Tally => ({ right: 0, none: 0, wrong: 0 });
const line = (t: Tally): string => `${t.right} right, ${t.none} none, ${t.wrong} wrong`;

/**
 * The metamorphic suite over `sites`: one test per fixture (failing with the list of its wrong
 * variants), a printed tally, and a floor on how many variants ran.
 */
export function metamorphicSuite(
  title: string,
  sites: readonly string[],
  testFile: string,
  atLeast: number,
): void {
  const only = process.env.META_VARIANT;
  const total = emptyTally();
  const bySite = new Map<string, Tally>();
  const byTransform = new Map<string, Tally>();
  const wrongBySite = new Map<string, Map<string, number>>();
  const count = (map: Map<string, Tally>, key: string, kind: keyof Tally): void => {
    const t = map.get(key) ?? emptyTally();
    t[kind] += 1;
    map.set(key, t);
  };

  describe(title, () => {
    afterAll(() => {
      const rows = [
        `metamorphic ${title}: ${line(total)}`,
        ...[...bySite].map(([site, t]) => `  ${site}: ${line(t)}`),
        ...[...byTransform].sort().map(([id, t]) => `  + ${id}: ${line(t)}`),
        ...[...wrongBySite].map(
          ([site, ids]) =>
            `  wrong on ${site}: ${[...ids].map(([id, n]) => `${id} ${n}`).join(', ')}`,
        ),
      ];
      console.log(rows.join('\n'));
    });

    const cases = sites.flatMap((site) => casesFor(site) as CaseWithCall[]);
    it.each(cases.map((c) => [`${c.site}/${c.file}`, c] as const))(
      '%s: every variant reads the same person or none',
      async (_, c) => {
        const wrong: string[] = [];
        for (let n = 0; n < VARIANTS_PER_FIXTURE; n += 1) {
          const name = `${c.site}/${c.file}#${n}`;
          if (only && only !== name) continue;
          // A task per variant: the DOM shim's WeakRef caches free a page only between tasks.
          await new Promise<void>((resolve) => setImmediate(resolve));
          const outcome = runVariant(
            c,
            n,
            only ? (doc) => console.log(new XMLSerializer().serializeToString(doc)) : undefined,
          );
          if (!outcome.verdict) continue;
          const kind = outcome.verdict.kind;
          total[kind] += 1;
          count(bySite, c.site, kind);
          for (const id of outcome.transforms) count(byTransform, id, kind);
          if (outcome.verdict.kind === 'wrong') {
            const ids = wrongBySite.get(c.site) ?? new Map<string, number>();
            // A transform alone is named as such: it alone makes the adapter read someone else.
            const key =
              outcome.transforms.length === 1 ? `${outcome.transforms[0]} alone` : 'combined';
            ids.set(key, (ids.get(key) ?? 0) + 1);
            wrongBySite.set(c.site, ids);
            wrong.push(
              `${name} [${outcome.steps.join(' | ')}] → ${outcome.verdict.why}\n` +
                `    rerun: META_VARIANT='${name}' npx vitest run ${testFile}`,
            );
          }
          if (only) console.log(outcome);
        }
        expect(wrong, `${wrong.length} variants read someone else:\n${wrong.join('\n')}`).toEqual(
          [],
        );
      },
    );

    it.skipIf(!!only)(`ran at least ${atLeast} variants`, () => {
      expect(total.right + total.none + total.wrong).toBeGreaterThanOrEqual(atLeast);
    });
  });
}
