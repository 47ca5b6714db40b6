// `node scripts/check-edge.mjs`: the Chrome build is also the Edge build, unchanged. Edge cannot
// be installed where CI runs (no Microsoft packages), so this checks what can be checked without
// it: the built manifest asks only for permissions Edge grants, and the extension's code calls
// only extension APIs Edge supports, per Microsoft's list
// (https://learn.microsoft.com/microsoft-edge/extensions/developer-guide/api-support, 2023-12).
// Exit code 1 names what Edge would not have.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** MV3 extension APIs Edge supports (desktop), from Microsoft's list. */
const EDGE_APIS = new Set([
  'accessibilityFeatures',
  'action',
  'alarms',
  'bookmarks',
  'browsingData',
  'commands',
  'contentSettings',
  'contextMenus',
  'cookies',
  'debugger',
  'declarativeContent',
  'declarativeNetRequest',
  'desktopCapture',
  'devtools',
  'dom',
  'downloads',
  'events',
  'extension',
  'extensionTypes',
  'fontSettings',
  'history',
  'i18n',
  'identity',
  'idle',
  'management',
  'notifications',
  'offscreen',
  'omnibox',
  'pageCapture',
  'permissions',
  'power',
  'privacy',
  'proxy',
  'runtime',
  'scripting',
  'search',
  'sessions',
  'sidePanel',
  'storage',
  'system',
  'tabCapture',
  'tabGroups',
  'tabs',
  'topSites',
  'tts',
  'ttsEngine',
  'types',
  'userScripts',
  'webNavigation',
  'webRequest',
  'windows',
]);
/** Members of supported APIs that Edge does not have. */
const EDGE_MISSING = new Set(['identity.getAccounts', 'identity.getAuthToken']);
/** Permissions that name no API of their own. */
const PLAIN_PERMISSIONS = new Set(['unlimitedStorage', 'activeTab', 'background']);

const problems = [];

const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
for (const permission of manifest.permissions ?? []) {
  if (!EDGE_APIS.has(permission) && !PLAIN_PERMISSIONS.has(permission)) {
    problems.push(`permission "${permission}" is not on Edge's list`);
  }
}

/** Every `browser.x.y` / `chrome.x.y` the extension's own code touches. */
function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}
const used = new Map();
for (const dir of ['lib', 'entrypoints', 'components']) {
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const [, api, member] of text.matchAll(
      /\b(?:browser|chrome)\.([a-zA-Z]+)\.?([a-zA-Z]*)/g,
    )) {
      const name = member ? `${api}.${member}` : api;
      if (!used.has(name)) used.set(name, file);
    }
  }
}
for (const [name, file] of used) {
  const api = name.split('.')[0];
  if (!EDGE_APIS.has(api) || EDGE_MISSING.has(name)) {
    problems.push(`${name} (in ${file}) is not supported by Edge`);
  }
}

if (problems.length > 0) {
  console.error(`The Chrome build would not load unchanged in Edge:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
const apis = [...new Set([...used.keys()].map((name) => name.split('.')[0]))].sort();
console.log(
  `Edge: the Chrome build's ${manifest.permissions.length} permissions and the ${apis.length} ` +
    `extension APIs its code calls (${apis.join(', ')}) are all on Edge's supported list.`,
);
