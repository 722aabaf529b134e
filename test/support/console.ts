import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../handoff/core/accounts';
import { loadPortalProfile } from '../../services/portal/profile';

/**
 * Helpers for browser tests of the agent console next to the member's chat widget: pages in their
 * own browser contexts (one per person), outside addresses refused (the portal answered with a
 * stub), script errors and CSP violations collected, and the widget's bubbles.
 */

const PORTAL = new URL(loadPortalProfile('default').data.baseUrl).origin;

export interface Opened {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

export async function openPage(browser: Browser, url: string, options: { viewport?: { width: number; height: number }; init?: string } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 768 } });
  await context.route(
    (u) => u.hostname !== '127.0.0.1',
    (route) => (route.request().url().startsWith(PORTAL) ? route.fulfill({ contentType: 'text/html', body: 'portal' }) : route.abort()),
  );
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const o: Opened = { context, page, problems: [] };
  page.on('console', (m) => void (m.type() === 'error' && o.problems.push(m.text())));
  page.on('pageerror', (e) => void o.problems.push(e.message));
  await page.goto(url);
  return o;
}

export const botBubbles = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');

export async function memberSays(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message input box' });
  await box.fill(text);
  await box.press('Enter');
  await page.locator('.webchat__bubble--from-user .webchat__bubble__content').filter({ hasText: text }).last().waitFor();
}

export async function signIn(page: Page, username: string, password: string, name: string): Promise<void> {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText(`Signed in as ${name}`).waitFor();
  await page.getByText('Live: new conversations appear here.').waitFor();
}

/** Console agents with roles, skills and capacities (AGENT_ACCOUNTS, JSON form). */
export const CONSOLE_AGENTS = {
  pat: { password: 'pat password 1', name: 'Pat', role: 'agent', skills: { languages: ['en'], topics: ['billing'] }, capacity: 2 },
  lucia: { password: 'lucia password 1', name: 'Lucía', role: 'supervisor', skills: { languages: ['en', 'es'], topics: [] }, capacity: 2 },
  kim: { password: 'kim password 1', name: 'Kim', role: 'agent', capacity: 1 },
} as const;

export async function consoleAccounts(): Promise<string> {
  const accounts = [];
  for (const [username, a] of Object.entries(CONSOLE_AGENTS)) {
    const { password, ...rest } = a;
    accounts.push({ username, ...rest, passwordHash: await hashPassword(password) });
  }
  return JSON.stringify(accounts);
}

/**
 * Run in the console page before its scripts: records desktop notifications (granted) and the
 * sounds played, so a test can see the alerts an agent would get.
 */
export const ALERT_RECORDER = `
  window.__notifications = [];
  window.__sounds = 0;
  window.Notification = function (title, options) { window.__notifications.push(title); this.title = title; this.options = options; };
  window.Notification.permission = 'granted';
  window.Notification.requestPermission = function () { return Promise.resolve('granted'); };
  var Real = window.AudioContext;
  if (Real) {
    var create = Real.prototype.createOscillator;
    Real.prototype.createOscillator = function () { window.__sounds++; return create.call(this); };
  }
`;
