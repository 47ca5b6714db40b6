import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The lint rules that keep page text from ever becoming markup. They are the guard for
// every future change, so what they catch is pinned here.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('lint: page text is never markup', () => {
  it.each([
    ['el.innerHTML', 'export function f(el: Element, t: string) { el.innerHTML = t; }'],
    ['el.outerHTML', 'export function f(el: Element, t: string) { el.outerHTML = t; }'],
    ['computed access', "export function f(el: Element, t: string) { el['innerHTML'] = t; }"],
    [
      'Reflect.set',
      "export function f(el: Element, t: string) { Reflect.set(el, 'outerHTML', t); }",
    ],
    [
      'destructuring',
      'export function f(el: Element) { const { innerHTML } = el; return innerHTML; }',
    ],
    [
      'insertAdjacentHTML',
      "export function f(el: Element, t: string) { el.insertAdjacentHTML('beforeend', t); }",
    ],
    [
      'setHTMLUnsafe',
      'export function f(el: Element & { setHTMLUnsafe(s: string): void }, t: string) { el.setHTMLUnsafe(t); }',
    ],
    [
      'createContextualFragment',
      'export function f(r: Range, t: string) { return r.createContextualFragment(t); }',
    ],
    ['document.write', 'export function f(t: string) { document.write(t); }'],
    [
      'DOMParser',
      "export function f(t: string) { return new DOMParser().parseFromString(t, 'text/html'); }",
    ],
  ])('refuses %s in product code', async (_, code) => {
    expect((await problems(code, 'lib/sites/example.ts')).join('\n')).toMatch(
      /never markup|parses no HTML/,
    );
  });

  it('refuses dangerouslySetInnerHTML in a component', async () => {
    const code =
      'export function C({ t }: { t: string }) { return <p dangerouslySetInnerHTML={{ __html: t }} />; }';
    expect((await problems(code, 'components/Example.tsx')).join('\n')).toMatch(/never markup/);
  });

  it('accepts text written as text', async () => {
    const code = 'export function f(el: Element, t: string) { el.textContent = t; }';
    expect(await problems(code, 'lib/sites/example.ts')).toEqual([]);
    const jsx = 'export function C({ t }: { t: string }) { return <p>{t}</p>; }';
    expect(await problems(jsx, 'components/Example.tsx')).toEqual([]);
  });
});
