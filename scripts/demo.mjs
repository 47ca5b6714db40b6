// `npm run demo`: builds the extension with the demo CRM enabled, serves the demo CRM on
// localhost and opens Chromium with the extension loaded. Without a display it says so,
// takes a screenshot headless to show it works, and prints how to load the build by hand.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoServer } from './demo-server.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const PORT = Number(process.env.DEMO_PORT ?? 4477);
const START_URL = `http://localhost:${PORT}/contacts/maria-lopez`;
const EXTENSION = resolve('.output/chrome-mv3-demo');
const PROFILE = resolve('.demo-profile');
function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** How to load the build by hand. `servedHere`: this command keeps serving the demo CRM;
 *  otherwise it has exited (no display) and `npm run demo -- --serve` serves it again. */
function howToLoadByHand(servedHere) {
  const serve = servedHere
    ? `keep this command running and open ${START_URL}`
    : `run \`npm run demo -- --serve\` (it serves the demo CRM until Ctrl+C) and open ${START_URL}`;
  console.log(`
To try it in your own Chromium, Chrome or Edge:
  1. open chrome://extensions and turn on Developer mode;
  2. click "Load unpacked" and choose ${EXTENSION};
  3. ${serve};
  4. click the Second Call icon in the toolbar to open the side panel.`);
}

/** `npm run demo -- --serve`: only serves the demo CRM, for a build loaded by hand. */
async function serveOnly() {
  if (!existsSync(EXTENSION)) {
    console.log(`No demo build yet at ${EXTENSION}: run \`npm run demo\` first.`);
    process.exitCode = 1;
    return;
  }
  await startDemoServer(PORT);
  console.log(`Serving the demo CRM at ${START_URL} until you press Ctrl+C.`);
  console.log(`The demo build to load unpacked in chrome://extensions: ${EXTENSION}`);
}

async function headlessScreenshot(chromium) {
  const { chromium: playwright } = await import('playwright-core');
  const context = await playwright.launchPersistentContext('', {
    executablePath: chromium,
    headless: true,
    viewport: { width: 420, height: 760 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const crm = await context.newPage();
    await crm.goto(START_URL);
    const tabId = await worker.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => t.url === url)?.id;
    }, START_URL);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tabId}`);
    await panel.getByRole('heading', { name: 'Maria Lopez' }).waitFor({ timeout: 15000 });
    // Show the coach at work: a reference picked and the suggested ask used.
    await panel
      .getByRole('button', { name: /^Use as reference: [a-z ]+ Her team re-keys/ })
      .click();
    await panel.getByRole('button', { name: 'Use this ask' }).click();
    await panel.getByRole('heading', { name: 'Call plan' }).waitFor();
    mkdirSync('.output', { recursive: true });
    await panel.screenshot({ path: '.output/demo-side-panel.png', fullPage: true });
    console.log(
      'Checked headless: the extension loaded, the side panel opened beside the demo contact,',
    );
    console.log(
      'showed Maria Lopez and her notes, took a note as reference and used the suggested ask.',
    );
    console.log(`Screenshot: ${resolve('.output/demo-side-panel.png')}`);
  } finally {
    await context.close();
  }
}

if (process.argv.includes('--serve')) {
  await serveOnly();
} else {
  const chromium = ensureChromium();
  console.log('Building the extension with the demo CRM enabled…');
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'inherit' });
  const server = await startDemoServer(PORT);
  console.log(`Demo CRM: ${START_URL}`);

  if (!chromium) {
    console.log('No Chromium found (set CHROMIUM_PATH to its binary).');
    howToLoadByHand(true);
  } else if (!hasDisplay()) {
    console.log('No display found, so no browser window can open here.');
    await headlessScreenshot(chromium);
    server.close();
    console.log(`The demo has finished and no longer serves ${START_URL}.`);
    howToLoadByHand(false);
  } else {
    console.log(
      'Opening Chromium with Second Call loaded. Click its toolbar icon for the side panel.',
    );
    const browser = spawn(
      chromium,
      [
        `--user-data-dir=${PROFILE}`,
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
        '--no-first-run',
        START_URL,
      ],
      { stdio: 'ignore' },
    );
    browser.on('exit', () => server.close());
  }
}
