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
});
