import { chromium, type Browser } from 'playwright-core';

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

/** The browser's globals, inside page.evaluate callbacks (the project compiles without the DOM lib). */
export type Win = Record<string, any>;
