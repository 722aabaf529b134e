import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fromRoot } from '../../common/paths';
import { TOKEN_SECRET_FILE } from '../../directline/tokenSecret';
import { loadPortalProfile } from '../../services/portal/profile';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { launchChromium, openPage, type OpenedPage, type Win } from '../support/browser';

/**
 * What the agent console got wrong (issue 18), as a support agent and members see it: the console
 * and members' chat widgets in separate headless Chromium contexts against one real assistant in
 * development mode (the demo agent). Every wait is on the pages, never a fixed sleep.
 */

const RESULTS = fromRoot('test-results');
const PORTAL = new URL(loadPortalProfile('default').data.baseUrl).origin;
const RLO = '\u202E';

describe('agent console fixes in a browser (headless Chromium)', function () {
  this.timeout(180_000);
  let browser: Browser;
  const opened: OpenedPage[] = [];
  const dirs: string[] = [];

  before(async () => {
    mkdirSync(RESULTS, { recursive: true });
    browser = await launchChromium();
  });

  after(async () => {
    for (const o of opened) await o.context.close().catch(() => undefined);
    await browser?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function tempDir(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'console-fixes-'));
    dirs.push(dir);
    return dir;
  }

  async function open(url: string, viewport = { width: 1366, height: 768 }): Promise<OpenedPage> {
    const o = await openPage(browser, url, PORTAL, viewport);
    opened.push(o);
    return o;
  }

  const botBubbles = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');

  async function memberSays(page: Page, text: string, shown = text): Promise<void> {
    const box = page.getByRole('textbox', { name: 'Message input box' });
    await box.fill(text);
    await box.press('Enter');
    await page.locator('.webchat__bubble--from-user .webchat__bubble__content').filter({ hasText: shown }).last().waitFor();
  }

  async function newMember(url: string): Promise<Page> {
    const member = await open(`${url}/`, { width: 390, height: 844 });
    await botBubbles(member.page).filter({ hasText: 'Evergreen Health member assistant' }).waitFor();
    return member.page;
  }

  async function signIn(url: string): Promise<Page> {
    const agent = await open(`${url}/agent`);
    await agent.page.getByLabel('User name').fill('demo-agent');
    await agent.page.getByLabel('Password').fill('demo-agent');
    await agent.page.getByRole('button', { name: 'Sign in' }).click();
    await agent.page.getByText('Live: new conversations appear here.').waitFor();
    return agent.page;
  }

  /** Opens the queue item whose summary or status matches, and waits for its transcript. */
  async function openChat(console_: Page, conversation: 'ann' | 'ben' | 'only'): Promise<void> {
    // Ben wrote about a crisis (an alert); Ann did not.
    const buttons = console_.locator('.ac-queue-button');
    const button = conversation === 'ben' ? buttons.filter({ hasText: 'Emergency alert' }) : conversation === 'ann' ? buttons.filter({ hasNotText: 'Emergency alert' }) : buttons;
    await button.first().click();
    // Opened: the queue marks it current (the transcript of the chat shown before is still there meanwhile).
    await (conversation === 'only' ? buttons : button).and(console_.locator('[aria-current="true"]')).first().waitFor();
    await console_.locator('#ac-transcript .ac-entry').first().waitFor();
  }

  it('a crisis while waiting, drafts per chat, plain text with the agent’s name, no typing dots, bidirectional controls, the member id, a member who left, a failed send', async () => {
    const dir = tempDir();
    const running: RunningAssistant = await startAssistant(
      { NODE_ENV: 'development', STORAGE: 'file', DATA_DIR: dir },
      { handoff: { member: async () => ({ verified: true, id: 'EVG-100234', name: 'Alex' }) } },
    );
    try {
      const console_ = await signIn(running.url);

      // Two members wait; the second writes about a crisis and is first in line at once.
      const ann = await newMember(running.url);
      await memberSays(ann, 'I need to talk to a person about a charge');
      await botBubbles(ann).filter({ hasText: /You.re number 1 in line/ }).waitFor();
      const ben = await newMember(running.url);
      await memberSays(ben, 'I want to talk to a person');
      await botBubbles(ben).filter({ hasText: /You.re number 2 in line/ }).waitFor();
      await memberSays(ben, 'I want to kill myself');
      await botBubbles(ben).filter({ hasText: 'Call or text 988 now' }).waitFor();
      const first = console_.locator('.ac-queue-item').first();
      await first.filter({ hasText: 'Waiting · #1 in line' }).filter({ hasText: 'Emergency alert' }).waitFor();
      await console_.locator('.ac-queue-item').nth(1).filter({ hasText: 'Waiting · #2 in line' }).filter({ hasNotText: 'Emergency alert' }).waitFor();
      await memberSays(ben, 'hello?');
      await botBubbles(ben).filter({ hasText: /You.re number 1 in line/ }).waitFor();

      // The agent sees the assistant's crisis answer in the transcript, and who the member is.
      await openChat(console_, 'ben');
      await console_.locator('.ac-entry--assistant').filter({ hasText: 'Call or text 988 now' }).waitFor();
      assert.match(await console_.locator('#ac-alert').innerText(), /crisis \(988\)/);
      assert.match(await console_.locator('#ac-meta').innerText(), /Member id\s+EVG-100234/);
      assert.match(await console_.locator('#ac-meta').innerText(), /Connection\s+Connected/);
      await console_.getByRole('button', { name: 'Claim conversation' }).click();
      await botBubbles(ben).filter({ hasText: 'Demo Agent from our team has joined the chat' }).waitFor();

      // One draft per chat: a draft for Ben stays with Ben; Enter in Ann's chat sends Ann's text.
      await console_.getByLabel(/Message to the member/).fill('Ben, I am looking at your refill');
      await openChat(console_, 'ann');
      assert.equal(await console_.locator('#ac-message').inputValue(), '', 'Ann’s chat starts with an empty box');
      await console_.getByRole('button', { name: 'Claim conversation' }).click();
      await botBubbles(ann).filter({ hasText: 'Demo Agent from our team has joined the chat' }).waitFor();
      // Ann's messages are watched for typing dots from the assistant from now on.
      await ann.evaluate(() => {
        const w = globalThis as Win;
        w.typingSeen = false;
        new w.MutationObserver(() => {
          if (w.document.querySelector('.webchat__typing-indicator, .webchat__typingIndicator')) w.typingSeen = true;
        }).observe(w.document.body, { childList: true, subtree: true });
      });
      await memberSays(ann, `my name is ${RLO}Ann Lee`, 'Ann Lee');
      await console_.locator('.ac-entry--member').filter({ hasText: 'Ann Lee' }).waitFor();
      const entry = console_.locator('.ac-entry--member .ac-entry-text').filter({ hasText: 'Ann Lee' });
      assert.equal(await entry.innerText(), 'my name is Ann Lee', 'no right-to-left override in the console');
      assert.equal(await entry.getAttribute('dir'), 'auto');

      const box = console_.getByLabel(/Message to the member/);
      await box.fill(`Type it as <last name>, <first name> <img src=x> ${RLO}ok`);
      await box.press('Enter');
      const reply = botBubbles(ann).filter({ hasText: 'Demo Agent (agent): Type it as <last name>, <first name> <img src=x> ok' });
      await reply.waitFor();
      assert.equal(await reply.locator('img').count(), 0, 'the agent’s text is shown as text, not HTML');
      assert.ok(!(await reply.innerText()).includes(RLO), 'no right-to-left override in the widget');
      assert.equal(await reply.getAttribute('dir'), 'auto');
      assert.equal(await ann.locator('.webchat__bubble--from-user .webchat__bubble__content').last().getAttribute('dir'), 'auto');
      assert.equal(await ann.evaluate(() => (globalThis as Win).typingSeen), false, 'no typing dots from the assistant during the live chat');
      assert.equal(await botBubbles(ben).filter({ hasText: 'Type it as' }).count(), 0, 'Ben got nothing meant for Ann');

      // Back to Ben: his draft is there and goes to him.
      await openChat(console_, 'ben');
      assert.equal(await console_.locator('#ac-message').inputValue(), 'Ben, I am looking at your refill');
      await console_.locator('#ac-message').press('Enter');
      await botBubbles(ben).filter({ hasText: 'Demo Agent (agent): Ben, I am looking at your refill' }).waitFor();
      assert.equal(await botBubbles(ann).filter({ hasText: 'looking at your refill' }).count(), 0, 'Ann never gets Ben’s draft');
      await console_.screenshot({ path: `${RESULTS}/agent-console-fixes.png` });
      await ann.screenshot({ path: `${RESULTS}/agent-console-fixes-member.png` });

      // Ben closes the tab: the console shows him as gone, and a message to him is not delivered.
      await opened.find((o) => o.page === ben)!.context.close();
      await console_.locator('.ac-queue-button').filter({ hasText: 'Emergency alert' }).filter({ hasText: 'Member disconnected' }).waitFor();
      await console_.locator('#ac-meta').filter({ hasText: /Disconnected/ }).waitFor();
      await box.fill('Are you still there?');
      await box.press('Enter');
      await console_.locator('.ac-entry--agent').filter({ hasText: 'Are you still there?' }).filter({ hasText: 'Not delivered' }).waitFor();
      assert.match(await console_.locator('#ac-notice').innerText(), /Not delivered: the member is not connected/);

      // A send that fails on the way says so, and the text stays in the box.
      await openChat(console_, 'ann');
      await console_.route('**/api/agent/escalations/*/messages', (route) => route.abort());
      await box.fill('This one will not go');
      await box.press('Enter');
      await console_.locator('#ac-notice').filter({ hasText: 'Not done: the assistant could not be reached' }).waitFor();
      assert.equal(await console_.locator('#ac-message').inputValue(), 'This one will not go');
      await console_.unroute('**/api/agent/escalations/*/messages');
    } finally {
      await running.stop();
    }
  });

  it('after a restart of `npm start` (no DIRECTLINE_TOKEN_SECRET), a member in a live chat reconnects, and what they typed meanwhile is sent without Retry', async () => {
    const dir = tempDir();
    const env = { NODE_ENV: 'development', STORAGE: 'file', DATA_DIR: dir };
    let running = await startAssistant(env);
    const port = new URL(running.url).port;
    const secret = statSync(path.join(dir, TOKEN_SECRET_FILE));
    assert.equal(secret.mode & 0o777, 0o600, 'the generated key is readable by this user only');
    try {
      const console_ = await signIn(running.url);
      const member = await newMember(running.url);
      await memberSays(member, 'I want to talk to a person');
      await openChat(console_, 'only');
      await console_.getByRole('button', { name: 'Claim conversation' }).click();
      await botBubbles(member).filter({ hasText: 'Demo Agent from our team has joined the chat' }).waitFor();

      await running.stop();
      // While the assistant is away the member types; the message waits, it does not fail.
      const box = member.getByRole('textbox', { name: 'Message input box' });
      await box.fill('are you still there?');
      await box.press('Enter');
      running = await startAssistant({ ...env, PORT: port });

      // The console reconnects by itself (its session is kept in the store) and sees the message.
      await console_.locator('.ac-entry--member').filter({ hasText: 'are you still there?' }).waitFor({ timeout: 60_000 });
      assert.equal(await member.getByText(/Send failed|Retry/).count(), 0, 'no manual Retry');
      // The member's stream is back (the console shows it) before the agent answers.
      await console_.locator('#ac-meta').filter({ hasText: /Connection\s*Connected/ }).waitFor({ timeout: 60_000 });
      const composer = console_.getByLabel(/Message to the member/);
      await composer.fill('Yes, still here.');
      await composer.press('Enter');
      await botBubbles(member).filter({ hasText: 'Demo Agent (agent): Yes, still here.' }).waitFor({ timeout: 60_000 });
      await console_.locator('.ac-entry--agent').filter({ hasText: 'Yes, still here.' }).waitFor();
      assert.equal(await console_.locator('.ac-entry--agent').filter({ hasText: 'Yes, still here.' }).filter({ hasText: 'Not delivered' }).count(), 0);
    } finally {
      await running.stop();
    }
  });
});
