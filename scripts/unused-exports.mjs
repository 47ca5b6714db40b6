// Dead-code check for `npm run lint`: every export in lib/, components/ and entrypoints/ is
// imported by some other file, and every file there is imported by one. Reads imports with
// the TypeScript parser only (no type checking), so it runs in a second or two.
//
// Roots that may import without being imported: entrypoints/ (WXT loads them), wxt.config.ts,
// scripts/ and tests/. An export used only inside its own file should not be exported.
// Deliberate exceptions are listed, each with its reason, in scripts/unused-exports.allow.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Folders whose exports and files must be used. */
const CHECKED = ['lib/', 'components/', 'entrypoints/'];
/** Files WXT loads by itself: never reported as unimported, and their default export is WXT's. */
const LOADED_BY_WXT = /^entrypoints\//;
const EXTENSIONS = ['.ts', '.tsx', '.mjs', '.js'];
const ALIASES = ['@@/', '~~/', '@/', '~/'];

/**
 * The exports and files nobody uses, in a set of source files.
 * @param {Map<string, string>} files project-relative posix path → source text
 * @param {Set<string>} [allowed] 'path#name' entries that may stay unused
 * @returns {{ unusedExports: { file: string, name: string }[], unusedFiles: string[], testOnly: { file: string, name: string }[] }}
 */
export function findUnused(files, allowed = new Set()) {
  const modules = new Map();
  for (const [path, text] of files) modules.set(path, readModule(path, text, files));

  /** file → export name → set of importing files */
  const uses = new Map();
  const importedFiles = new Set();
  const use = (file, name, by, seen = new Set()) => {
    const mod = modules.get(file);
    const key = `${file}#${name}`;
    if (!mod || seen.has(key)) return;
    seen.add(key);
    if (name === '*') {
      for (const own of mod.exports.keys()) use(file, own, by, seen);
      for (const star of mod.stars) use(star, '*', by, seen);
      return;
    }
    const exported = mod.exports.get(name);
    if (exported) {
      if (!uses.has(file)) uses.set(file, new Map());
      const byName = uses.get(file);
      if (!byName.has(name)) byName.set(name, new Set());
      byName.get(name).add(by);
      // A re-export passes the use on to the module it forwards from.
      if (exported.from) use(exported.from, exported.as, by, seen);
      return;
    }
    for (const star of mod.stars) use(star, name, by, seen);
  };

  for (const [path, mod] of modules) {
    for (const ref of mod.references) {
      if (ref.target === path) continue;
      importedFiles.add(ref.target);
      for (const name of ref.names) use(ref.target, name, path);
    }
    for (const star of mod.stars) importedFiles.add(star);
  }

  const unusedExports = [];
  const testOnly = [];
  const unusedFiles = [];
  for (const [path, mod] of modules) {
    if (!CHECKED.some((folder) => path.startsWith(folder)) || path.endsWith('.d.ts')) continue;
    const wxtLoads = LOADED_BY_WXT.test(path);
    if (!wxtLoads && !importedFiles.has(path) && !allowed.has(path)) unusedFiles.push(path);
    for (const name of mod.exports.keys()) {
      if (wxtLoads && name === 'default') continue;
      if (allowed.has(`${path}#${name}`)) continue;
      const users = [...(uses.get(path)?.get(name) ?? [])].filter((user) => user !== path);
      if (users.length === 0) unusedExports.push({ file: path, name });
      else if (users.every((user) => user.startsWith('tests/')))
        testOnly.push({ file: path, name });
    }
  }
  return { unusedExports, unusedFiles, testOnly };
}

/** What one file exports and which files (and names in them) it refers to. */
function readModule(path, text, files) {
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  /** name → { from?: file, as?: name in that file } */
  const exports = new Map();
  const stars = [];
  const references = [];
  const refer = (specifier, names) => {
    const target = resolve(path, specifier, files);
    if (target) references.push({ target, names });
  };

  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const names = [];
      if (clause?.name) names.push('default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements)
          names.push((element.propertyName ?? element.name).text);
      refer(node.moduleSpecifier.text, names);
    } else if (ts.isExportDeclaration(node)) {
      const from = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier);
      const target = from ? resolve(path, node.moduleSpecifier.text, files) : undefined;
      if (!node.exportClause) {
        if (target) stars.push(target);
      } else if (ts.isNamedExports(node.exportClause)) {
        for (const element of node.exportClause.elements) {
          const local = (element.propertyName ?? element.name).text;
          exports.set(element.name.text, target ? { from: target, as: local } : {});
        }
      } else if (target) {
        exports.set(node.exportClause.name.text, { from: target, as: '*' });
      }
    } else if (ts.isExportAssignment(node)) {
      exports.set('default', {});
    } else if (hasExportModifier(node)) {
      const isDefault = node.modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault) exports.set('default', {});
      else if (ts.isVariableStatement(node))
        for (const declaration of node.declarationList.declarations)
          for (const name of bindingNames(declaration.name)) exports.set(name, {});
      else if (node.name && ts.isIdentifier(node.name)) exports.set(node.name.text, {});
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const [first] = node.arguments;
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      // vi.mock('…') and vi.importActual('…') name a file without using one export of it.
      const callee = node.expression.getText(source);
      const isMock = /^vi\.(mock|doMock|importActual|importMock)$/.test(callee);
      if ((isImport || isMock) && ts.isStringLiteralLike(first))
        refer(first.text, isImport ? ['*'] : []);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      refer(node.argument.literal.text, [node.qualifier ? node.qualifier.getText(source) : '*']);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { exports, stars, references };
}

function hasExportModifier(node) {
  return (
    ts.canHaveModifiers(node) &&
    (node.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword) &&
    ts.isSourceFile(node.parent)
  );
}

function bindingNames(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

/** The project file an import specifier names, or undefined for a package or a missing file. */
function resolve(from, specifier, files) {
  const bare = specifier.replace(/\?.*$/, '');
  let base;
  const alias = ALIASES.find((prefix) => bare.startsWith(prefix));
  if (alias) base = bare.slice(alias.length);
  else if (bare.startsWith('.')) base = posix.join(posix.dirname(from), bare);
  else return undefined;
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext)];
  candidates.push(...EXTENSIONS.map((ext) => `${base}/index${ext}`));
  // './x.js' written for './x.ts'
  if (/\.m?js$/.test(base)) candidates.push(base.replace(/\.m?js$/, '.ts'));
  return candidates.find((candidate) => files.has(candidate));
}

/** Reads the allowlist: one `path` or `path#name` a line, `#` at a line's start or after a space comments. */
export function readAllowed(text) {
  const allowed = new Set();
  for (const line of text.split('\n')) {
    const entry = line.replace(/(^|\s)#\s.*$/, '').trim();
    if (entry && !entry.startsWith('#')) allowed.add(entry);
  }
  return allowed;
}

function collect(root, folder, into) {
  const dir = join(root, folder);
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== 'node_modules' && entry !== 'fixtures')
        collect(root, join(folder, entry), into);
    } else if (/\.(ts|tsx|mjs)$/.test(entry)) {
      into.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  }
}

/** What the repository holds that nothing uses (the allowlist applied). */
export function checkRepository(root = join(dirname(fileURLToPath(import.meta.url)), '..')) {
  const files = new Map();
  for (const folder of ['lib', 'components', 'entrypoints', 'scripts', 'tests'])
    collect(root, folder, files);
  files.set('wxt.config.ts', readFileSync(join(root, 'wxt.config.ts'), 'utf8'));
  const allowed = readAllowed(readFileSync(join(root, 'scripts/unused-exports.allow'), 'utf8'));
  return findUnused(files, allowed);
}

function main() {
  const { unusedExports, unusedFiles, testOnly } = checkRepository();

  if (process.argv.includes('--test-only')) {
    for (const { file, name } of testOnly) console.log(`${file}: ${name} (only tests import it)`);
  }
  for (const file of unusedFiles) console.error(`${file}: no file imports it`);
  for (const { file, name } of unusedExports)
    console.error(`${file}: ${name} is exported, nobody imports it`);
  if (unusedFiles.length + unusedExports.length > 0) {
    console.error(
      `\n${unusedExports.length} unused export(s), ${unusedFiles.length} unused file(s). ` +
        'Remove them, un-export what only its own file uses, or list a deliberate one with its reason in scripts/unused-exports.allow.',
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
