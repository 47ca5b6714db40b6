// Where a JSON text goes wrong, in words a rep can act on. Engines word JSON.parse errors
// differently (V8 often gives no position at all), so the text is checked here instead.

interface JsonSyntaxProblem {
  /** Offset of the first character that cannot be right. */
  offset: number;
  /** What is wrong there, e.g. "expected ',' or '}' after a value". */
  reason: string;
  /** The text stops while something is still open: a cut-off file. */
  endsEarly: boolean;
}

interface TextPosition {
  line: number;
  column: number;
}

/** 1-based line and column of `offset` in `text` (CRLF counts as one line break). */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

type Expect = 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function shown(c: string): string {
  if (c === '\n' || c === '\r') return 'a line break';
  if (c === '\t') return 'a tab';
  return `'${c}'`;
}

/**
 * The first syntax error of `text` as JSON, or undefined when it is valid JSON.
 * Iterative (no recursion), so deeply nested input cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (offset: number, reason: string, endsEarly = false): JsonSyntaxProblem => ({
    offset,
    reason,
    endsEarly,
  });
  /** Index after the closing quote of the string starting at `i`, or a problem. */
  const scanString = (start: number): number | JsonSyntaxProblem => {
    let j = start + 1;
    while (j < n) {
      const c = text[j]!;
      if (c === '"') return j + 1;
      if (c === '\\') {
        const e = text[j + 1];
        if (e === undefined) break;
        if (e === 'u') {
          const hex = text.slice(j + 2, j + 6);
          if (hex.length < 4 && j + 6 > n) break;
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail(j, 'a broken \\u escape in a string');
          j += 6;
          continue;
        }
        if (!ESCAPES.has(e)) return fail(j, `an unknown escape '\\${e}' in a string`);
        j += 2;
        continue;
      }
      if (c < ' ') return fail(j, `${shown(c)} inside a string (a " is missing before it)`);
      j++;
    }
    return fail(n, 'the text ends inside a string', true);
  };

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
      i++;
    if (i >= n) {
      if (stack.length === 0 && expect === 'after') return undefined;
      if (stack.length === 0 && expect === 'value' && n === 0) return fail(0, 'the text is empty');
      return fail(n, 'the text ends before the data is complete', true);
    }
    const c = text[i]!;
    switch (expect) {
      case 'value':
      case 'firstValue': {
        if (c === '{') {
          stack.push('{');
          expect = 'firstKey';
          i++;
        } else if (c === '[') {
          stack.push('[');
          expect = 'firstValue';
          i++;
        } else if (c === ']' && expect === 'firstValue') {
          stack.pop();
          expect = 'after';
          i++;
        } else if (c === '"') {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = 'after';
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m) {
            return i + 1 >= n
              ? fail(n, 'the text ends inside a number', true)
              : fail(i, 'a malformed number');
          }
          i += m[0].length;
          expect = 'after';
        } else {
          const word = LITERALS.find((w) => text.startsWith(w, i));
          if (word) {
            i += word.length;
            expect = 'after';
          } else if (n - i < 5 && LITERALS.some((w) => w.startsWith(text.slice(i)))) {
            return fail(n, 'the text ends inside a value', true);
          } else if (c === ']' || c === '}') {
            return fail(i, `unexpected ${shown(c)} where a value should be (a comma too many?)`);
          } else {
            return fail(i, `unexpected ${shown(c)} where a value should be`);
          }
        }
        break;
      }
      case 'key':
      case 'firstKey': {
        if (c === '}' && expect === 'firstKey') {
          stack.pop();
          expect = 'after';
          i++;
        } else if (c === '"') {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = 'colon';
        } else if (c === '}') {
          return fail(i, "unexpected '}' after a comma (a comma too many?)");
        } else {
          return fail(i, `expected a property name in double quotes, found ${shown(c)}`);
        }
        break;
      }
      case 'colon': {
        if (c !== ':') return fail(i, `expected ':' after a property name, found ${shown(c)}`);
        expect = 'value';
        i++;
        break;
      }
      case 'after': {
        const top = stack[stack.length - 1];
        if (top === undefined) return fail(i, `unexpected ${shown(c)} after the end of the data`);
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          expect = top === '{' ? 'key' : 'value';
          i++;
        } else if (c === close) {
          stack.pop();
          expect = 'after';
          i++;
        } else {
          return fail(i, `expected ',' or '${close}' after a value, found ${shown(c)}`);
        }
        break;
      }
    }
  }
}

/** Offset of the first character of the data (after any white space). */
export function dataStart(text: string): number {
  const at = text.search(/\S/);
  return at < 0 ? 0 : at;
}

/**
 * Offset of the key `key` of the outermost object of a valid JSON text (its opening quote),
 * or undefined when that object has no such key. Keys of nested objects are skipped, so a
 * record's own "format" field is never taken for the file's.
 */
export function topLevelKeyOffset(text: string, key: string): number | undefined {
  const quoted = JSON.stringify(key);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      // The closing quote: the next one not escaped by an odd run of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i < 0) return undefined;
        let slashes = 0;
        while (text[i - 1 - slashes] === '\\') slashes++;
        if (slashes % 2 === 0) break;
      }
      if (depth !== 1) continue;
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (text[next] !== ':') continue;
      const name = text.slice(start, i + 1);
      if (name === quoted || JSON.parse(name) === key) return start;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return undefined;
    }
  }
  return undefined;
}
