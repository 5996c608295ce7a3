/**
 * Chromium for browser tests: Debian's binary (or CHROMIUM_PATH) driven by playwright-core, with
 * the flags this machine needs (no sandbox as root, no background networking on a closed
 * network). Never `npx playwright install`.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
