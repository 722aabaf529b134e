import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, as the browser tests run it (no browser downloads here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps trying to reach Google's servers (there is no internet here).
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Error(`Chromium could not be started from ${CHROMIUM} (apt-get install chromium; .ci/run does): ${(err as Error).message}`, { cause: err });
  }
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors (CSP violations included) and uncaught page errors. */
  problems: string[];
}

/**
 * A page in a context of its own (a member's widget, an agent's console): requests off this
 * machine are refused, except the portal's origin, which gets a stub page.
 */
export async function openPage(browser: Browser, url: string, portalOrigin: string, viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport });
  const o: OpenedPage = { context, page: await context.newPage(), problems: [] };
  await context.route(
    (u) => u.hostname !== '127.0.0.1',
    (route) => (route.request().url().startsWith(portalOrigin) ? route.fulfill({ contentType: 'text/html', body: 'portal' }) : route.abort()),
  );
  o.page.on('console', (m) => void (m.type() === 'error' && o.problems.push(m.text())));
  o.page.on('pageerror', (e) => void o.problems.push(e.message));
  await o.page.goto(url);
  return o;
}

/** The browser's globals, inside page.evaluate callbacks (the project compiles without the DOM lib). */
export type Win = Record<string, any>;
