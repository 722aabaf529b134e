import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { fromRoot } from '../../common/paths';
import type { IdentityAssertionHandler } from '../../identity/bot/assertionEvent';
import { loadPortalProfile } from '../../services/portal/profile';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { ScriptedDialog } from '../support/scriptedDialog';

/**
 * The chat widget the way a member uses it: Debian's Chromium, headless, driven by
 * playwright-core (browser downloads do not work here), against the real assistant. Every wait
 * is on the page (locators, events), never a fixed sleep. Screenshots go to test-results/.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const RESULTS = fromRoot('test-results');
const profile = loadPortalProfile('default');
const PORTAL = new URL(profile.data.baseUrl).origin;

/** The browser's globals, inside page.evaluate callbacks (the project compiles without the DOM lib). */
type Win = Record<string, any>;

interface Widget {
  context: BrowserContext;
  page: Page;
  /** Console errors (CSP violations included) and uncaught page errors. */
  problems: string[];
  /** Requests to anything but the assistant and the (stubbed) portal. */
  outside: string[];
}

describe('chat widget in a browser (headless Chromium)', function () {
  this.timeout(90_000);
  let browser: Browser;
  let running: RunningAssistant;
  let scripted: RunningAssistant;
  let dialog: ScriptedDialog;
  const assertions: string[] = [];
  const widgets: Widget[] = [];

  before(async () => {
    mkdirSync(RESULTS, { recursive: true });
    browser = await launchChromium();
    running = await startAssistant();
    dialog = new ScriptedDialog([
      { title: 'Refill a prescription', url: profile.link('pharmacy.refill') },
      { title: 'Pharmacy', url: profile.link('pharmacy.center') },
    ]);
    const identity: IdentityAssertionHandler = { receive: async (_context, assertion) => void assertions.push(assertion) };
    scripted = await startAssistant({}, { mainDialog: dialog, identity });
  });

  afterEach(async () => {
    for (const w of widgets.splice(0)) await w.context.close();
  });

  after(async () => {
    await browser?.close();
    await running?.stop();
    await scripted?.stop();
  });

  async function open(baseUrl: string, viewport = PHONE, init?: () => void): Promise<Widget> {
    const context = await browser.newContext({ viewport });
    const widget: Widget = { context, page: await context.newPage(), problems: [], outside: [] };
    widgets.push(widget);
    if (init) await context.addInitScript(init);
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      async (route) => {
        const url = route.request().url();
        if (url.startsWith(PORTAL)) return route.fulfill({ contentType: 'text/html', body: '<title>Portal</title>portal page' });
        widget.outside.push(url);
        await route.abort();
      },
    );
    widget.page.on('console', (m) => void (m.type() === 'error' && widget.problems.push(m.text())));
    widget.page.on('pageerror', (e) => void widget.problems.push(e.message));
    await widget.page.goto(`${baseUrl}/`);
    return widget;
  }

  const botBubbles = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  const userBubbles = (page: Page) => page.locator('.webchat__bubble--from-user .webchat__bubble__content');
  const welcome = (page: Page) => botBubbles(page).filter({ hasText: 'Evergreen Health member assistant' });
  const sendBox = (page: Page) => page.getByRole('textbox', { name: 'Message input box' });
  const suggested = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name, exact: true });

  async function say(page: Page, text: string): Promise<void> {
    await sendBox(page).fill(text);
    await sendBox(page).press('Enter');
    await userBubbles(page).filter({ hasText: text }).last().waitFor();
  }

  /** Waits until Web Chat's "Connecting…" notice is gone (for screenshots). */
  const settled = (page: Page) => page.locator('.webchat__connectivityStatus').waitFor({ state: 'detached' });

  function assertClean(widget: Widget): void {
    assert.deepEqual(widget.problems, [], 'no console errors, CSP violations or page errors');
    assert.deepEqual(widget.outside, [], 'nothing loaded from another server');
  }

  it('opens on a phone with the plan name, the 911 line and the welcome; screenshot', async () => {
    const w = await open(running.url);
    const { page } = w;
    assert.equal(await page.title(), 'Evergreen Health member assistant');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await welcome(page).waitFor();
    await assert.doesNotReject(page.getByRole('heading', { name: /Evergreen Health/ }).waitFor());
    const emergency = page.locator('#ma-emergency');
    assert.match(await emergency.innerText(), /Not for emergencies\. If you think you have a medical emergency, call 911\./);
    assert.ok(await emergency.isVisible());
    assert.match(await welcome(page).innerText(), /Evergreen Health member assistant/);
    for (const topic of ['Appointments', 'Prescription refills', 'Billing', 'Talk to a person']) assert.ok(await suggested(page, topic).isVisible(), topic);

    // The brand colour of the portal profile is on the header and the member's bubbles.
    const header = await page.locator('.ma-header').evaluate((el) => (globalThis as Win).getComputedStyle(el).backgroundColor);
    assert.equal(header, 'rgb(11, 95, 165)');

    // Nothing wider than the phone: no sideways scrolling.
    const overflow = await page.evaluate(() => {
      const root = (globalThis as Win).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert.equal(overflow, 0);
    await settled(page);
    await page.screenshot({ path: `${RESULTS}/widget-phone-welcome.png` });
    assertClean(w);
  });

  it('a suggested action sends the topic and the assistant answers; the 911 line stays visible', async () => {
    const w = await open(running.url);
    const { page } = w;
    await welcome(page).waitFor();
    await suggested(page, 'Billing').click();
    await userBubbles(page).filter({ hasText: 'Billing' }).waitFor();
    await botBubbles(page).filter({ hasText: 'What about your bill?' }).waitFor();
    await suggested(page, 'Pay a bill').waitFor();
    assert.ok(await page.locator('#ma-emergency').isVisible(), 'the emergency line does not scroll away');
    await settled(page);
    await page.screenshot({ path: `${RESULTS}/widget-phone.png` });
    assertClean(w);
  });

  it('is usable with the keyboard alone: Tab to the send box, type, Enter', async () => {
    const w = await open(scripted.url, DESKTOP);
    const { page } = w;
    await page.locator('.webchat__bubble').first().waitFor();
    let tabs = 0;
    while (!(await sendBox(page).evaluate((el) => el === (globalThis as Win).document.activeElement))) {
      assert.ok(++tabs <= 25, 'the send box is reachable with Tab');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('typed with the keyboard');
    await page.keyboard.press('Enter');
    await botBubbles(page).filter({ hasText: 'echo: typed with the keyboard' }).waitFor();
    // The 911 link is a focusable link too.
    assert.equal(await page.getByRole('link', { name: '911' }).getAttribute('href'), 'tel:911');
    await settled(page);
    await page.screenshot({ path: `${RESULTS}/widget-desktop.png` });
    assertClean(w);
  });

  it('shows the typing indicator while the assistant works', async () => {
    const w = await open(scripted.url);
    const { page } = w;
    await page.locator('.webchat__bubble').first().waitFor();
    dialog.reset();
    await say(page, 'slow');
    await dialog.entered;
    await page.locator('.webchat__typing-indicator').waitFor({ state: 'visible' });
    dialog.release();
    await botBubbles(page).filter({ hasText: 'finished' }).waitFor();
    await page.locator('.webchat__typing-indicator').waitFor({ state: 'hidden' });
    assertClean(w);
  });

  it('portal links in answers (card buttons and text links) open in a new tab, without access to the chat', async () => {
    const w = await open(scripted.url);
    const { page, context } = w;
    await page.locator('.webchat__bubble').first().waitFor();
    await say(page, 'links');
    const refillUrl = profile.link('pharmacy.refill');
    const textLink = botBubbles(page).locator(`a[href="${refillUrl}"]`).first();
    await textLink.waitFor();
    assert.equal(await textLink.getAttribute('target'), '_blank');
    assert.match((await textLink.getAttribute('rel')) ?? '', /noopener/);
    assert.match((await textLink.getAttribute('rel')) ?? '', /noreferrer/);

    // The Adaptive Card's Action.OpenUrl button (Web Chat also keeps a hidden copy for screen readers).
    const button = page.locator('.ac-pushButton', { hasText: 'Pharmacy' });
    await button.waitFor();
    const [tab] = await Promise.all([context.waitForEvent('page'), button.click()]);
    await tab.waitForURL(profile.link('pharmacy.center'));
    assert.equal(await tab.evaluate(() => (globalThis as Win).opener), null, 'noopener: the portal tab cannot reach the chat');
    assert.equal(page.url(), `${scripted.url}/`, 'the chat stays where it was');
    await settled(page);
    await page.screenshot({ path: `${RESULTS}/widget-phone-links.png` });
    assertClean(w);
  });

  it('a reload keeps the conversation', async () => {
    const w = await open(running.url);
    const { page } = w;
    await welcome(page).waitFor();
    await suggested(page, 'Billing').click();
    await botBubbles(page).filter({ hasText: 'What about your bill?' }).waitFor();
    const before = await page.evaluate(() => JSON.parse((globalThis as Win).sessionStorage.getItem('member-assistant.directline')).conversationId as string);

    await page.reload();
    await userBubbles(page).filter({ hasText: 'Billing' }).waitFor();
    await botBubbles(page).filter({ hasText: 'What about your bill?' }).waitFor();
    assert.equal(await welcome(page).count(), 1, 'the welcome once, not again');
    const after = await page.evaluate(() => JSON.parse((globalThis as Win).sessionStorage.getItem('member-assistant.directline')).conversationId as string);
    assert.equal(after, before, 'the same conversation');

    // The conversation goes on where it was: the billing question is still open.
    const answers = await botBubbles(page).count();
    await suggested(page, 'Statements').click();
    await botBubbles(page).nth(answers).waitFor();
    assert.match(await botBubbles(page).nth(answers).innerText(), /statement/i);
    assertClean(w);
  });

  it('a kept conversation that cannot be continued gives way to a new one', async () => {
    const w = await open(running.url, PHONE, () => {
      const win = globalThis as Win;
      win.sessionStorage.setItem(
        'member-assistant.directline',
        JSON.stringify({ token: 'x.eyJleHAiOjk5OTk5OTk5OTl9.y', conversationId: 'gone', domain: `${win.location.origin}/v3/directline`, resumed: true }),
      );
    });
    await welcome(w.page).waitFor();
    const session = await w.page.evaluate(() => JSON.parse((globalThis as Win).sessionStorage.getItem('member-assistant.directline')).conversationId as string);
    assert.notEqual(session, 'gone');
    // The refused refresh of the stale token is the only error the browser reports.
    assert.ok(w.problems.every((p) => /status of 401/.test(p)), w.problems.join('\n'));
  });

  it('passes the portal identity assertion to the assistant without keeping it', async () => {
    const assertion = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZW1iZXItNyJ9.cG9ydGFsLXNpZ25hdHVyZQ';
    const w = await open(scripted.url, PHONE, () => {
      (globalThis as Win).MemberAssistant = {
        identityAssertion: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZW1iZXItNyJ9.cG9ydGFsLXNpZ25hdHVyZQ',
      };
    });
    await w.page.locator('.webchat__bubble').first().waitFor();
    await say(w.page, 'hello');
    await botBubbles(w.page).filter({ hasText: 'echo: hello' }).waitFor();
    assert.ok(assertions.includes(assertion), 'the assistant got it (event member/identity)');
    const stored = await w.page.evaluate(() => JSON.stringify((globalThis as Win).sessionStorage));
    assert.ok(!stored.includes(assertion), 'not kept in the page');
    assert.ok(!scripted.logs.all.includes(assertion), 'not logged');
    assertClean(w);
  });

  it('in Spanish with ?lang=es', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    widgets.push({ context, page: await context.newPage(), problems: [], outside: [] });
    const page = context.pages()[0]!;
    await page.goto(`${running.url}/?lang=es`);
    await botBubbles(page).filter({ hasText: '¿En qué le puedo ayudar?' }).waitFor();
    assert.match(await page.locator('#ma-emergency').innerText(), /No es para emergencias/);
  });

  it('in Spanish for a Spanish browser without ?lang (Accept-Language)', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    widgets.push({ context, page: await context.newPage(), problems: [], outside: [] });
    const page = context.pages()[0]!;
    await page.goto(`${running.url}/`);
    await botBubbles(page).filter({ hasText: '¿En qué le puedo ayudar?' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  });

  it('an emergency typed into the widget is answered with 911', async () => {
    const w = await open(running.url);
    const { page } = w;
    await welcome(page).waitFor();
    const before = await botBubbles(page).count();
    await say(page, "my dad has chest pain and can't breathe");
    const reply = botBubbles(page).nth(before);
    await reply.waitFor();
    assert.match(await reply.innerText(), /\b911\b/);
    assertClean(w);
  });

  it('"where is my refill" is answered with a link to the pharmacy pages of the portal', async () => {
    const w = await open(running.url);
    const { page, context } = w;
    await welcome(page).waitFor();
    // A status question is answered at once, with the pharmacy pages (no Rx number asked).
    await say(page, 'where is my refill');
    const pharmacy = new URL(profile.link('pharmacy.center')).pathname;
    const link = page.locator('.webchat__basic-transcript .ac-pushButton', { hasText: 'My prescriptions' });
    await link.waitFor();
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await tab.waitForURL((url) => url.href.startsWith(`${PORTAL}${pharmacy}`));
    assert.equal(tab.url(), profile.link('pharmacy.prescriptions'));
    await settled(page);
    await page.screenshot({ path: `${RESULTS}/widget-phone-refill.png` });
    assertClean(w);
  });
});
