// `npm run demo`: builds the extension with the demo CRM enabled, serves the demo CRM on
// localhost and opens Chromium with the extension loaded. Without a display it says so,
// takes a screenshot headless to show it works, and prints how to load the build by hand.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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

function howToLoadByHand() {
  console.log(`
To try it in your own Chromium, Chrome or Edge:
  1. open chrome://extensions and turn on Developer mode;
  2. click "Load unpacked" and choose ${EXTENSION};
  3. keep this command running and open ${START_URL};
  4. click the Second Call icon in the toolbar to open the side panel.`);
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
    await panel.getByRole('button', { name: /^Use as reference: Her team re-keys/ }).click();
    await panel.getByRole('button', { name: 'Use this ask' }).click();
    await panel.getByRole('heading', { name: 'Call plan' }).waitFor();
    mkdirSync('.output', { recursive: true });
    await panel.screenshot({ path: '.output/demo-side-panel.png', fullPage: true });
    console.log('The demo works: the side panel shows Maria Lopez and her notes.');
    console.log(`Screenshot: ${resolve('.output/demo-side-panel.png')}`);
  } finally {
    await context.close();
  }
}

const chromium = ensureChromium();
console.log('Building the extension with the demo CRM enabled…');
execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'inherit' });
const server = await startDemoServer(PORT);
console.log(`Demo CRM: ${START_URL}`);

if (!chromium) {
  console.log('No Chromium found (set CHROMIUM_PATH to its binary).');
  howToLoadByHand();
} else if (!hasDisplay()) {
  console.log('No display found, so no browser window can open here.');
  await headlessScreenshot(chromium);
  howToLoadByHand();
  server.close();
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
