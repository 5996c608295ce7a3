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

/**
 * Keeps a full-page screenshot of a journey's step as a test artifact
 * (`test-artifacts/screenshots/<journey>/<nn>-<step>.png`, git-ignored; CI keeps the folder).
 * The number orders a journey's steps as they were taken.
 */
export async function keepScreenshot(page: import('playwright-core').Page, journey: string, step: string): Promise<string> {
  const { mkdir } = await import('node:fs/promises');
  const path = await import('node:path');
  const dir = path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots', journey);
  await mkdir(dir, { recursive: true });
  const n = (screenshotCounters.get(journey) ?? 0) + 1;
  screenshotCounters.set(journey, n);
  const file = path.join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const screenshotCounters = new Map<string, number>();
