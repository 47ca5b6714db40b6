import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Components write through useWrite only; the rule that keeps a second way out is pinned here.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const wordingItself = (from: string) =>
  `import { describeWriteError } from '${from}';\nexport const words = (e: unknown) => describeWriteError(e);\n`;

describe('lint: one way to write from a component', () => {
  it.each(['@/lib/db/errors', '../lib/db/errors'])(
    'refuses a component that words a failed write itself (%s)',
    async (from) => {
      expect((await problems(wordingItself(from), 'components/Example.tsx')).join('\n')).toMatch(
        /no-restricted-imports: .*useWrite/,
      );
    },
  );

  it('lets the hook word it, and a component take the typed refusal', async () => {
    expect(await problems(wordingItself('../db/errors'), 'lib/hooks/use-write.ts')).toEqual([]);
    const refusing =
      "import { WriteRefused } from '@/lib/db/errors';\nexport const no = () => new WriteRefused({ kind: 'no-date' });\n";
    expect(await problems(refusing, 'components/Example.tsx')).toEqual([]);
  });

  it.each(['lib/db/example.ts', 'lib/actions/example.ts'])(
    'refuses a write that throws a sentence instead of a typed refusal (%s)',
    async (filePath) => {
      const sentence = "export const no = () => {\n  throw new Error('Pick a date.');\n};\n";
      expect((await problems(sentence, filePath)).join('\n')).toMatch(/typed WriteRefused/);
      const typed =
        "import { WriteRefused } from '../db/errors';\nexport const no = () => {\n  throw new WriteRefused({ kind: 'no-date' });\n};\n";
      expect(await problems(typed, filePath)).toEqual([]);
    },
  );

  it('still refuses page text as markup in lib/db', async () => {
    const markup =
      "export const show = (el: Element, t: string) => Reflect.set(el, 'innerHTML', t);\n";
    expect((await problems(markup, 'lib/db/example.ts')).join('\n')).toMatch(/never markup/);
  });
});
