// Drives Debian's chromium with playwright-core (no browser download) for tests/browser.
//   node drive.js PAGE_URL EXPECTED_COUNT [SCREENSHOT.png]
// Prints {"ready": ...} once the page has subscribed, then {"result": ...} once it holds
// EXPECTED_COUNT messages (or its state when the wait times out), and exits.
'use strict';
const path = require('path');
const { chromium } = require(path.join(__dirname, '..', 'node', 'node_modules', 'playwright-core'));

const [pageUrl, expectedText, screenshot] = process.argv.slice(2);
const expected = Number(expectedText);
// The flags this machine needs (no sandbox as root, no background networking: the network
// outside is closed); playwright gives each launch a new empty profile.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function say(object) { process.stdout.write(`${JSON.stringify(object)}\n`); }

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS,
  });
  try {
    const page = await browser.newPage();
    const console = [];
    page.on('console', (message) => console.push(message.text()));
    page.on('pageerror', (error) => console.push(String(error)));
    await page.goto(pageUrl);
    const state = () => page.evaluate(() => window.pageState);
    try {
      await page.waitForFunction(() => window.pageState && window.pageState.subscribed,
        null, { timeout: 30000 });
    } catch (error) {
      say({ ready: false, state: await state(), console });
      return;
    }
    say({ ready: true, transport: (await state()).transport });
    let timedOut = false;
    try {
      await page.waitForFunction((n) => window.pageState.messages.length >= n, expected,
        { timeout: 60000 });
    } catch (error) {
      timedOut = true;
    }
    if (screenshot) await page.screenshot({ path: screenshot });
    say({ result: await state(), timedOut, console });
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
