import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fromRoot } from '../../common/paths';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { launchChromium, type Win } from '../support/browser';
import { ALERT_RECORDER, botBubbles, CONSOLE_AGENTS, consoleAccounts, memberSays, openPage, signIn, type Opened } from '../support/console';

/**
 * A contact-centre agent's working day in the console, next to members in the chat widget: each
 * person in their own headless Chromium context, against one real assistant with agent accounts
 * that carry roles, skills and capacities. Internal notes and wrap-up, transfer and skills routing,
 * presence and capacity, canned responses, alerts and unread marks, typing both ways, history, the
 * layout at 1366×768 and an axe-core WCAG 2.1 AA scan. Screenshots go to test-results/, or to docs/images/ for the README with UPDATE_SCREENSHOTS=1.
 */

/** The README's screenshots are refreshed on request only, so a test run leaves the work tree clean. */
const IMAGES = process.env.UPDATE_SCREENSHOTS === '1' ? fromRoot('docs', 'images') : fromRoot('test-results');
const MEMBER_ID = 'M-1001';
const PHONE = { width: 390, height: 760 };

type AgentName = keyof typeof CONSOLE_AGENTS;

describe('agent console: a working day (member widget and agent console in headless Chromium)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let running: RunningAssistant;
  let dataDir: string;
  let opened: Opened[] = [];
  let accounts: string;

  before(async () => {
    mkdirSync(IMAGES, { recursive: true });
    browser = await launchChromium();
    accounts = await consoleAccounts();
  });

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'agent-workspace-'));
    running = await startAssistant(
      { NODE_ENV: 'development', STORAGE: 'file', DATA_DIR: dataDir, AGENT_ACCOUNTS: accounts },
      { handoff: { member: async () => ({ verified: true, id: MEMBER_ID, name: 'Ana Member' }) } },
    );
  });

  afterEach(async () => {
    for (const o of opened) await o.context.close();
    opened = [];
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  after(async () => {
    await browser?.close();
  });

  async function agent(name: AgentName, init?: string): Promise<Page> {
    const o = await openPage(browser, `${running.url}/agent`, { init });
    opened.push(o);
    await signIn(o.page, name, CONSOLE_AGENTS[name].password, CONSOLE_AGENTS[name].name);
    return o.page;
  }

  async function member(ask: string, waitFor: RegExp): Promise<Page> {
    const o = await openPage(browser, `${running.url}/`, { viewport: PHONE });
    opened.push(o);
    await botBubbles(o.page).first().waitFor();
    await memberSays(o.page, ask);
    await botBubbles(o.page).filter({ hasText: waitFor }).waitFor();
    return o.page;
  }

  const inLine = /number \d+ in line|número \d+ en la fila|en la fila/i;
  const item = (page: Page, text: string | RegExp) => page.locator('.ac-queue-button').filter({ hasText: text });

  async function claim(page: Page, text: string | RegExp): Promise<void> {
    await item(page, text).first().click();
    await page.getByRole('button', { name: 'Claim conversation' }).click();
    await page.getByLabel(/Message to the member/).waitFor();
  }

  async function agentSays(page: Page, text: string): Promise<void> {
    await page.getByLabel(/Message to the member/).fill(text);
    await page.getByLabel(/Message to the member/).press('Enter');
    await page.locator('.ac-entry--agent').filter({ hasText: text }).waitFor();
  }

  /** The agent's session token (this tab's), for calls a test makes as that agent. */
  async function call(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
    return page.evaluate(
      async ([m, u, b]) => {
        const w = globalThis as Win;
        const token = w.sessionStorage.getItem('member-assistant.agent-token');
        const res = await w.fetch(u, { method: m, headers: { authorization: `Bearer ${token}`, ...(b ? { 'content-type': 'application/json' } : {}) }, body: b ? JSON.stringify(b) : undefined });
        return { status: res.status as number, body: await res.json().catch(() => null) };
      },
      [method, url, body] as const,
    );
  }

  it('internal notes stay with the agents, and a chat closes with a disposition and a note', async () => {
    const pat = await agent('pat');
    const ana = await member('I need to talk to a person about a charge', inLine);
    await claim(pat, 'English');
    await botBubbles(ana).filter({ hasText: 'Pat from our team has joined the chat' }).waitFor();

    const secret = 'Disputes a duplicate charge; check claim 4471 before answering';
    await pat.getByLabel('New note').fill(secret);
    await pat.getByRole('button', { name: 'Add note' }).click();
    await pat.locator('#ac-note-list .ac-note').filter({ hasText: secret }).waitFor();
    await agentSays(pat, 'Thanks for waiting, Ana. I am looking at your bill now.');
    await botBubbles(ana).filter({ hasText: 'I am looking at your bill now.' }).waitFor();
    await memberSays(ana, 'thank you');
    await pat.locator('.ac-entry--member').filter({ hasText: 'thank you' }).waitFor();
    // The member never gets the note: not in the widget, not in the transcript the member's channel keeps.
    assert.doesNotMatch(await ana.locator('body').innerText(), /duplicate charge|4471/);
    assert.doesNotMatch(await pat.locator('#ac-transcript').innerText(), /duplicate charge/);
    const id = (await call(pat, 'GET', '/api/agent/escalations')).body.escalations[0].id as string;
    const detail = (await call(pat, 'GET', `/api/agent/escalations/${id}`)).body.escalation;
    assert.equal(detail.notes[0].text, secret);
    assert.ok(!JSON.stringify(detail.transcript).includes('4471'));
    const conversationId = detail.conversationId as string;
    const stored = await fetch(`${running.url}/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`).catch(() => undefined);
    if (stored?.ok) assert.ok(!(await stored.text()).includes('4471'));

    // "End chat" asks for the wrap-up first; the chat is still open until a disposition is picked.
    await pat.locator('#ac-resolve').click();
    const wrap = pat.locator('#ac-wrapup');
    await wrap.waitFor({ state: 'visible' });
    await pat.locator('#ac-wrapup-confirm').click();
    assert.equal((await call(pat, 'GET', `/api/agent/escalations/${id}`)).body.escalation.status, 'active');
    const codes = await pat.locator('#ac-disposition option').allInnerTexts();
    assert.ok(codes.includes('Billing corrected or explained'), codes.join(', '));
    await pat.getByLabel('Disposition').selectOption('billing_adjusted');
    await pat.getByLabel('Wrap-up note (optional)').fill('Duplicate charge reversed');
    await pat.screenshot({ path: path.join(IMAGES, 'agent-console-wrapup.png') });
    await pat.locator('#ac-wrapup-confirm').click();
    await botBubbles(ana).filter({ hasText: /Pat has ended the chat/ }).waitFor();
    await pat.locator('#ac-wrapup-done').filter({ hasText: 'Wrapped up: Billing corrected or explained · Duplicate charge reversed' }).waitFor();
    const closed = (await call(pat, 'GET', `/api/agent/escalations/${id}`)).body.escalation;
    assert.equal(closed.wrapUp.code, 'billing_adjusted');
    assert.equal(closed.wrapUp.note, 'Duplicate charge reversed');

    // The API: an unknown disposition is refused before anything closes; a bad note is a 400.
    assert.equal((await call(pat, 'POST', `/api/agent/escalations/${id}/notes`, { text: '' })).status, 400);
    assert.equal((await call(pat, 'POST', `/api/agent/escalations/${id}/wrapup`, { disposition: 'nope' })).body.error, 'unknown_disposition');
  });

  it('a Spanish member reaches a Spanish-speaking agent first; transfer to a queue and to an agent, with a note', async () => {
    const pat = await agent('pat');
    const lucia = await agent('lucia');
    const ana = await member('quiero hablar con una persona', inLine);

    // Pat (English, billing) sees it waiting for Spanish-speaking agents and cannot take it yet.
    await item(pat, 'Spanish').filter({ hasText: 'For Spanish agents first' }).waitFor();
    assert.equal(await item(pat, 'Spanish').locator('.ac-offer').count(), 0);
    await item(pat, 'Spanish').click();
    await pat.getByRole('button', { name: 'Claim conversation' }).click();
    await pat.locator('#ac-notice').filter({ hasText: 'This conversation is for the Spanish queue: an agent with its skills gets it first.' }).waitFor();

    // Lucía (Spanish) is offered it and takes it.
    await item(lucia, 'Spanish').filter({ hasText: 'Offered to you' }).waitFor();
    await claim(lucia, 'Spanish');
    await botBubbles(ana).filter({ hasText: 'Lucía, de nuestro equipo, se unió al chat' }).waitFor();

    // To the billing queue, with a note for whoever takes it; the member is told, in Spanish.
    await lucia.getByLabel('Transfer to').selectOption({ label: 'Billing queue' });
    await lucia.getByLabel('Note for the next agent').fill('Asks about a charge from March; prefers Spanish but reads English');
    await lucia.screenshot({ path: path.join(IMAGES, 'agent-console-transfer.png') });
    await lucia.getByRole('button', { name: 'Transfer', exact: true }).click();
    await botBubbles(ana).filter({ hasText: 'Lucía pasó su chat a un colega' }).waitFor();
    await item(pat, 'Billing').filter({ hasText: 'Offered to you' }).waitFor();
    await claim(pat, 'Billing');
    await pat.locator('#ac-note-list .ac-note--transfer').filter({ hasText: 'Asks about a charge from March' }).waitFor();
    await botBubbles(ana).filter({ hasText: 'Pat, de nuestro equipo, se unió al chat' }).waitFor();

    // To a colleague on duty: Lucía has it at once.
    await pat.getByLabel('Transfer to').selectOption({ label: 'Lucía' });
    await pat.getByLabel('Note for the next agent').fill('Charge explained; she wants to talk about a refill next');
    await pat.getByRole('button', { name: 'Transfer', exact: true }).click();
    await botBubbles(ana).filter({ hasText: /Lucía, de nuestro equipo, se unió al chat/ }).nth(1).waitFor();
    await item(lucia, 'With you').waitFor();
    assert.doesNotMatch(await ana.locator('body').innerText(), /refill next|from March/);

    // The API refuses what makes no sense.
    const id = (await call(lucia, 'GET', '/api/agent/escalations')).body.escalations[0].id as string;
    assert.equal((await call(lucia, 'POST', `/api/agent/escalations/${id}/transfer`, { queue: 'nowhere' })).body.error, 'unknown_queue');
    assert.equal((await call(lucia, 'POST', `/api/agent/escalations/${id}/transfer`, { queue: 'billing', agent: 'pat' })).status, 400);
    assert.equal((await call(pat, 'POST', `/api/agent/escalations/${id}/transfer`, { queue: 'billing' })).body.error, 'claimed_by_another_agent');
  });

  it('presence and capacity: away gets no offers and no claims; beyond capacity a claim is refused with a clear message', async () => {
    const kim = await agent('kim', ALERT_RECORDER);
    await kim.getByText('Chats: 0 of 1').waitFor();
    await kim.getByLabel('Status').selectOption('away');
    await kim.locator('#ac-status-note').filter({ hasText: 'You are away: no new conversations are offered to you.' }).waitFor({ state: 'attached' });
    const first = await member('I need to talk to a person about my bill', inLine);
    await item(kim, 'Waiting').waitFor();
    assert.equal(await item(kim, 'Waiting').locator('.ac-offer').count(), 0);
    assert.deepEqual(await kim.evaluate(() => (globalThis as Win).__notifications), [], 'no alert for a new conversation while away');
    await item(kim, 'Waiting').click();
    await kim.getByRole('button', { name: 'Claim conversation' }).click();
    await kim.locator('#ac-notice').filter({ hasText: 'You are set to Away: set yourself Available or Busy to take a conversation.' }).waitFor();

    await kim.getByLabel('Status').selectOption('available');
    await item(kim, 'Waiting').filter({ hasText: 'Offered to you' }).waitFor();
    await kim.getByRole('button', { name: 'Claim conversation' }).click();
    await botBubbles(first).filter({ hasText: 'Kim from our team has joined the chat' }).waitFor();
    await kim.getByText('Chats: 1 of 1').waitFor();

    await member('talk to a person please', inLine);
    await item(kim, 'Waiting').waitFor();
    assert.equal(await item(kim, 'Waiting').locator('.ac-offer').count(), 0, 'no offers at capacity');
    await item(kim, 'Waiting').click();
    await kim.getByRole('button', { name: 'Claim conversation' }).click();
    await kim.locator('#ac-notice').filter({ hasText: 'You already have 1 chat, your limit: end or transfer one before taking another.' }).waitFor();
    assert.equal((await call(kim, 'PUT', '/api/agent/status', { status: 'asleep' })).status, 400);
  });

  it('canned responses in the member’s language, and typing indicators both ways', async () => {
    const lucia = await agent('lucia');
    const ana = await member('quiero hablar con una persona', inLine);
    await claim(lucia, 'Spanish');
    await botBubbles(ana).filter({ hasText: 'Lucía, de nuestro equipo, se unió al chat' }).waitFor();

    const canned = lucia.getByRole('group', { name: 'Canned responses' });
    assert.deepEqual(await canned.getByRole('button').allInnerTexts(), ['Saludo', 'Revisando', 'Verificar identidad', '¿Algo más?', 'Despedida']);
    await canned.getByRole('button', { name: 'Saludo' }).click();
    assert.match(await lucia.getByLabel(/Message to the member/).inputValue(), /^Hola, gracias por esperar\./);
    await lucia.getByLabel(/Message to the member/).press('Enter');
    await botBubbles(ana).filter({ hasText: 'Hola, gracias por esperar.' }).waitFor();

    // The member types (without sending): the console says so.
    await ana.getByRole('textbox', { name: 'Message input box' }).pressSequentially('tengo una pregunta', { delay: 20 });
    await lucia.locator('#ac-typing').filter({ hasText: 'The member is typing…' }).waitFor();
    // The agent types: the widget shows the typing indicator (after the assistant's own has gone).
    await ana.locator('.webchat__typing-indicator').waitFor({ state: 'hidden' });
    await lucia.getByLabel(/Message to the member/).pressSequentially('Claro, dígame', { delay: 20 });
    await ana.locator('.webchat__typing-indicator').waitFor({ state: 'visible' });
    await ana.screenshot({ path: path.join(IMAGES, 'agent-console-member.png') });
  });

  it('alerts: sound, notification and a title count for a new conversation, a message in another chat and an emergency; unread marks per chat', async () => {
    const pat = await agent('pat', ALERT_RECORDER);
    const title = await pat.title();
    const notifications = () => pat.evaluate(() => (globalThis as Win).__notifications as string[]);

    const ana = await member('I need to talk to a person about a charge', inLine);
    await pat.locator('#ac-alert-live').filter({ hasText: 'New conversation waiting' }).waitFor();
    await item(pat, 'Waiting').locator('.ac-unread', { hasText: '1 new' }).waitFor();
    assert.equal(await pat.title(), `(1) ${title}`);
    assert.equal((await notifications()).length, 1);
    assert.ok((await pat.evaluate(() => (globalThis as Win).__sounds as number)) >= 1, 'a sound played');
    await claim(pat, 'Waiting');
    assert.equal(await pat.title(), title, 'opening the chat clears its count');

    await member('talk to a person please', inLine);
    await pat.locator('.ac-queue-button .ac-unread').waitFor();
    await item(pat, 'Waiting').click(); // looking at the new one: Ana's chat is not open
    await pat.locator('.ac-queue-button .ac-unread').waitFor({ state: 'detached' });
    await memberSays(ana, 'are you still there?');
    await item(pat, 'With you').locator('.ac-unread', { hasText: '1 new' }).waitFor();
    assert.equal(await pat.title(), `(1) ${title}`);
    assert.ok((await notifications()).includes('New message in another chat'));

    await memberSays(ana, 'now my chest hurts and I cannot breathe');
    await pat.locator('#ac-alert-live').filter({ hasText: 'Emergency' }).waitFor();
    assert.ok((await notifications()).some((n) => n.startsWith('Emergency')));
    assert.equal(await pat.title(), `(2) ${title}`);
    await item(pat, 'With you').click();
    await pat.locator('.ac-entry--member').filter({ hasText: 'are you still there?' }).waitFor();
    assert.equal(await pat.title(), title);
    assert.equal(await item(pat, 'With you').locator('.ac-unread').count(), 0);
  });

  it('history: closed conversations by member id, date and topic with the full transcript, for roles that allow it', async () => {
    const lucia = await agent('lucia');
    const pat = await agent('pat');
    // No topic: a conversation about a charge is offered to the billing agent (Pat) first.
    const ana = await member('can I talk to a real person please', inLine);
    await claim(lucia, 'English');
    await agentSays(lucia, 'Hello Ana, I can help with the charge.');
    await botBubbles(ana).filter({ hasText: 'I can help with the charge.' }).waitFor();
    await lucia.getByLabel('New note').fill('Explained the copay');
    await lucia.getByRole('button', { name: 'Add note' }).click();
    await lucia.locator('#ac-resolve').click();
    await lucia.getByLabel('Disposition').selectOption('answered');
    await lucia.locator('#ac-wrapup-confirm').click();
    await botBubbles(ana).filter({ hasText: /Lucía has ended the chat/ }).waitFor();

    // Pat's role does not allow it: no button, and the API says 403.
    assert.equal(await pat.locator('#ac-history-open').isVisible(), false);
    const refused = await call(pat, 'GET', `/api/agent/history?member=${MEMBER_ID}`);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error, 'forbidden');

    await lucia.getByRole('button', { name: 'History' }).click();
    const dialog = lucia.getByRole('dialog', { name: 'Past conversations' });
    await dialog.getByLabel('Member id').fill(MEMBER_ID);
    const today = new Date().toISOString().slice(0, 10);
    await dialog.getByLabel('From').fill(today);
    await dialog.getByLabel('To', { exact: true }).fill(today);
    await dialog.getByRole('button', { name: 'Search' }).click();
    await dialog.getByText('1 conversation found.').waitFor();
    await dialog.locator('.ac-history-item').filter({ hasText: `Member ${MEMBER_ID}` }).click();
    await dialog.locator('.ac-history-transcript .ac-entry--member').filter({ hasText: 'can I talk to a real person please' }).waitFor();
    await dialog.locator('.ac-history-transcript .ac-entry--agent').filter({ hasText: 'Hello Ana, I can help with the charge.' }).waitFor();
    await dialog.getByText('Lucía: Explained the copay').waitFor();
    await dialog.getByText('Wrap-up: Question answered').waitFor();
    await lucia.screenshot({ path: path.join(IMAGES, 'agent-console-history.png') });

    await dialog.getByLabel('Topic').fill('pharmacy');
    await dialog.getByRole('button', { name: 'Search' }).click();
    await dialog.getByText('No closed conversation matches.').waitFor();
    assert.equal((await call(lucia, 'GET', '/api/agent/history?member=someone-else')).body.conversations.length, 0);
    assert.equal((await call(lucia, 'GET', '/api/agent/history?from=yesterday')).status, 400);
  });

  it('at 1366×768 the transcript shows more than four messages, and the console (queue, chat, notes, transfer) passes an axe-core WCAG 2.1 AA scan', async () => {
    const pat = await agent('pat');
    const ana = await member('I need to talk to a person about a charge', inLine);
    await member('talk to a person please', inLine);
    await claim(pat, 'English');
    for (const text of ['Hi Ana, thanks for waiting.', 'I can see two charges for the visit on March 3.', 'One of them is a duplicate.', 'I have asked for it to be reversed.']) {
      await agentSays(pat, text);
    }
    await botBubbles(ana).filter({ hasText: 'I have asked for it to be reversed.' }).waitFor();
    await memberSays(ana, 'Great, thank you so much!');
    await pat.locator('.ac-entry--member').filter({ hasText: 'Great, thank you so much!' }).waitFor();
    await pat.getByLabel('New note').fill('Duplicate charge: reversal requested');
    await pat.getByRole('button', { name: 'Add note' }).click();
    await pat.locator('#ac-note-list .ac-note').waitFor();

    const seen = await pat.evaluate(() => {
      const d = (globalThis as Win).document;
      const box = d.getElementById('ac-transcript').getBoundingClientRect();
      const entries = [...d.querySelectorAll('#ac-transcript .ac-entry')] as Array<{ getBoundingClientRect(): { top: number; bottom: number } }>;
      const visible = entries.filter((e) => {
        const r = e.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      }).length;
      return { visible, height: box.height, total: entries.length };
    });
    assert.ok(seen.total >= 8, `enough messages to fill the box (${seen.total})`);
    assert.ok(seen.visible >= 5, `messages fully visible at 1366×768: ${seen.visible} (transcript ${Math.round(seen.height)} px)`);
    await pat.screenshot({ path: path.join(IMAGES, 'agent-console-chat.png') });

    // Queue, chat, notes and transfer are all on screen for the scan.
    for (const id of ['#ac-queue-list', '#ac-transcript', '#ac-notes', '#ac-transfer']) assert.ok(await pat.locator(id).isVisible(), `${id} visible`);
    await pat.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await pat.evaluate(async () => {
      const result = await (globalThis as Win).axe.run((globalThis as Win).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v: { id: string; nodes: Array<{ target: string[] }> }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
  });
});
