import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fromRoot } from '../../common/paths';
import { startAssistant, type RunningAssistant } from '../support/assistant';

/**
 * The try-it path for a signed-in member (docs/identity.md), in Debian's headless Chromium: ask about a
 * refill at `/` (told to sign in), open the demo portal's chat for a sample member in the same
 * tab, and the same conversation continues, verified, with the answer.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RESULTS = fromRoot('test-results');

describe('signed-in member in the chat widget (demo portal, headless Chromium)', function () {
  this.timeout(90_000);
  let browser: Browser;
  let running: RunningAssistant;

  before(async () => {
    mkdirSync(RESULTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    running = await startAssistant();
  });

  after(async () => {
    await browser?.close();
    await running?.stop();
  });

  const bot = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  async function say(page: Page, text: string): Promise<void> {
    const box = page.getByRole('textbox', { name: 'Message input box' });
    await box.fill(text);
    await box.press('Enter');
    await page.locator('.webchat__bubble--from-user .webchat__bubble__content').filter({ hasText: text }).last().waitFor();
  }

  it('asked before signing in, answered once the member signs in on the (demo) portal — in the same conversation', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
    const problems: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (e) => void problems.push(e.message));
    try {
      await page.goto(`${running.url}/`);
      await bot(page).filter({ hasText: 'Evergreen Health member assistant' }).waitFor();
      await say(page, 'where is my refill');
      await bot(page).filter({ hasText: 'sign in to the portal and open this chat there' }).waitFor();
      assert.equal(await bot(page).filter({ hasText: /Lisinopril/ }).count(), 0, 'nothing before signing in');

      await page.goto(`${running.url}/demo/portal`);
      await page.getByRole('link', { name: 'chat' }).first().click();
      await bot(page).filter({ hasText: /You.re signed in, Alex/ }).waitFor();
      await bot(page).filter({ hasText: 'Lisinopril 10 mg tablet (Rx 1000101) is ready for pickup at Evergreen Pharmacy Downtown' }).waitFor();
      assert.ok(await bot(page).filter({ hasText: 'sign in to the portal and open this chat there' }).count(), 'the same conversation, continued');

      await say(page, 'Appointments');
      const chips = page.getByRole('toolbar', { name: 'Suggested actions' });
      await chips.getByRole('button', { name: 'Find my appointments', exact: true }).click();
      await chips.getByRole('button', { name: 'Myself', exact: true }).click();
      await bot(page).filter({ hasText: /video visit with Dr\. Maya Chen/ }).waitFor();
      await page.screenshot({ path: `${RESULTS}/widget-phone-signed-in.png` });
      assert.deepEqual(problems, []);
      const kept = await page.evaluate(() => {
        const g = globalThis as Record<string, any>;
        const assertion = g.document.getElementById('member-assistant').dataset.identityAssertion as string;
        return [assertion.length > 20, JSON.stringify(g.sessionStorage).includes(assertion), JSON.stringify(g.localStorage).includes(assertion)];
      });
      assert.deepEqual(kept, [true, false, false], "the assertion is not kept in the page's storage");
    } finally {
      await context.close();
    }
  });
});
