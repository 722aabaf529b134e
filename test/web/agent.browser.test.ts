import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fromRoot } from '../../common/paths';
import { loadPortalProfile } from '../../services/portal/profile';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { launchChromium, openPage, type OpenedPage, type Win } from '../support/browser';

/**
 * The agent console as an agent uses it, next to a member in the chat widget: both pages in
 * headless Chromium against one real assistant in development mode (the demo agent). Every wait
 * is on the pages, never a fixed sleep. Screenshots go to test-results/.
 */

const RESULTS = fromRoot('test-results');
const PORTAL = new URL(loadPortalProfile('default').data.baseUrl).origin;

describe('agent console in a browser (headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let running: RunningAssistant;
  let dataDir: string;
  const opened: OpenedPage[] = [];

  before(async () => {
    mkdirSync(RESULTS, { recursive: true });
    browser = await launchChromium();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'agent-console-'));
    running = await startAssistant({ NODE_ENV: 'development', STORAGE: 'file', DATA_DIR: dataDir });
  });

  after(async () => {
    for (const o of opened) await o.context.close();
    await browser?.close();
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
    const o = await openPage(browser, url, PORTAL, viewport);
    opened.push(o);
    return o;
  }

  const botBubbles = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  async function memberSays(page: Page, text: string): Promise<void> {
    const box = page.getByRole('textbox', { name: 'Message input box' });
    await box.fill(text);
    await box.press('Enter');
    await page.locator('.webchat__bubble--from-user .webchat__bubble__content').filter({ hasText: text }).last().waitFor();
  }

  it('sign in as the demo agent, see a member appear live, claim, chat, send a page, see an emergency alert, end the chat', async () => {
    // The agent signs in (keyboard only) with the demo credentials the page shows.
    const agent = await open(`${running.url}/agent`);
    const console_ = agent.page;
    assert.equal(await console_.title(), 'Evergreen Health agent console');
    assert.match(await console_.locator('#ac-demo').innerText(), /demo-agent/);
    await console_.getByLabel('User name').focus();
    await console_.keyboard.type('demo-agent');
    await console_.keyboard.press('Tab');
    await console_.keyboard.type('demo-agent');
    await console_.keyboard.press('Enter');
    await console_.getByText('Signed in as Demo Agent').waitFor();
    await console_.getByText('Live: new conversations appear here.').waitFor();
    assert.ok(await console_.getByText('No one is waiting.').isVisible());

    // A member asks for a person in the chat widget.
    const member = await open(`${running.url}/`, { width: 390, height: 844 });
    await botBubbles(member.page).filter({ hasText: 'Evergreen Health member assistant' }).waitFor();
    await memberSays(member.page, 'I need to talk to a person about a charge on my bill');
    await botBubbles(member.page).filter({ hasText: /You.re number 1 in line/ }).waitFor();

    // It appears in the console without a reload.
    const item = console_.locator('.ac-queue-button').filter({ hasText: 'Waiting · #1 in line' });
    await item.waitFor();
    assert.match(await item.innerText(), /Web Chat · English/);
    await item.focus();
    await console_.keyboard.press('Enter');
    await console_.locator('.ac-entry--member').filter({ hasText: 'I need to talk to a person about a charge on my bill' }).waitFor();

    // Claim; the member is told who joined.
    await console_.getByRole('button', { name: 'Claim conversation' }).click();
    await console_.getByLabel(/Message to the member/).waitFor();
    await botBubbles(member.page).filter({ hasText: 'Demo Agent from our team has joined the chat' }).waitFor();

    // Member ↔ agent.
    await memberSays(member.page, 'I was charged twice for one visit');
    await console_.locator('.ac-entry--member').filter({ hasText: 'I was charged twice for one visit' }).waitFor();
    await console_.getByLabel(/Message to the member/).fill('Sorry about that. Let me check.');
    await console_.keyboard.press('Enter');
    await botBubbles(member.page).filter({ hasText: 'Sorry about that. Let me check.' }).waitFor();
    await console_.locator('.ac-entry--agent').filter({ hasText: 'Sorry about that. Let me check.' }).waitFor();

    // A portal page in one click (all pages in the list; topic pages as buttons).
    await console_.getByLabel('All pages').selectOption({ label: 'Appeals and disputes' });
    await console_.getByRole('button', { name: 'Send page' }).click();
    await member.page.locator('.ac-pushButton', { hasText: 'Appeals and disputes' }).waitFor();
    await console_.getByRole('button', { name: 'Claims' }).click();
    await member.page.locator('.ac-pushButton', { hasText: 'Claims' }).waitFor();

    // An emergency mid-chat: 911 for the member at once, an alert for the agent.
    await memberSays(member.page, 'now my chest hurts and I cannot breathe');
    await botBubbles(member.page).filter({ hasText: 'Call 911 now' }).waitFor();
    const alert = console_.locator('#ac-alert');
    await alert.waitFor({ state: 'visible' });
    assert.match(await alert.innerText(), /medical emergency \(911\)/);
    await console_.locator('.ac-queue-button .ac-badge', { hasText: 'Emergency alert' }).waitFor();
    await console_.screenshot({ path: `${RESULTS}/agent-console.png` });
    await member.page.screenshot({ path: `${RESULTS}/agent-console-member.png` });

    // End the chat (with its wrap-up: a disposition is required): the assistant takes the conversation back.
    await console_.getByRole('button', { name: 'End chat' }).click();
    await console_.getByLabel('Disposition').selectOption('answered');
    await console_.locator('#ac-wrapup-confirm').click();
    await botBubbles(member.page).filter({ hasText: /Demo Agent has ended the chat\. I.m the assistant again/ }).waitFor();
    await console_.getByText('No one is waiting.').waitFor();
    await memberSays(member.page, 'how do I pay my bill');
    await botBubbles(member.page).filter({ hasText: /pay/i }).last().waitFor();

    // No CSP violations or script errors on either page.
    assert.deepEqual(agent.problems, []);
    assert.deepEqual(member.problems, []);
    const stored = await console_.evaluate(() => Object.keys((globalThis as Win).sessionStorage));
    assert.deepEqual(stored, ['member-assistant.agent-token'], 'the session lives in this tab only');

    // A reload keeps the agent signed in; signing out ends the session.
    await console_.reload();
    await console_.getByText('Signed in as Demo Agent').waitFor();
    await console_.getByRole('button', { name: 'Sign out' }).click();
    await console_.getByText('You have signed out.').waitFor();
    assert.ok(await console_.getByLabel('User name').isVisible());
    assert.deepEqual(agent.problems, []);
  });
});
