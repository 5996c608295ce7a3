/**
 * The Temporal UI's call to the codec server, as a browser makes it: a page of another origin
 * (standing in for the Temporal UI, on the same host as motcua: the same site) fetches
 * /codec/decode with `credentials: 'include'`, as the UI does with "include cross-origin
 * credentials". After the official signs in to motcua in the same browser, the session cookie
 * (SameSite=Lax) goes with the call and the CORS answer lets the page read the result; a page
 * of an origin not allowed reads nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
const pages: http.Server[] = [];

/** A blank page on its own port of 127.0.0.1 (another origin, the same site). */
async function servePage(): Promise<string> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>UI</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pages.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let uiOrigin: string;
beforeAll(async () => {
  uiOrigin = await servePage();
  stack = await startStack({ env: { TEMPORAL_UI_ORIGIN: uiOrigin } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const server of pages) server.close();
  await stack?.stop();
});

const PLAIN = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"xin chào"').toString('base64') };

/** What the UI's fetch gets: the status and body, or the browser's refusal. */
function callFromPage(codecUrl: string) {
  return async (page: import('playwright-core').Page) =>
    page.evaluate(
      async ({ url, payloads }) => {
        try {
          const response = await fetch(`${url}/encode`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json', 'X-Namespace': 'default' },
            body: JSON.stringify({ payloads }),
          });
          return { status: response.status, body: await response.text() };
        } catch (error) {
          return { status: 0, body: String(error) };
        }
      },
      { url: codecUrl, payloads: [PLAIN] },
    );
}

test('the Temporal UI reaches the codec with the official session; another origin reads nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const call = callFromPage(`${stack.baseUrl}/codec`);

  await page.goto(uiOrigin);
  expect((await call(page)).status).toBe(401); // not signed in yet: the UI can read the refusal

  // The administrator signs in to motcua in the same browser.
  await page.goto(`${stack.baseUrl}/dang-nhap`);
  await page.fill('input[name=username]', 'hn.quantri');
  await page.fill('input[name=password]', 'motcua-demo');
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap')), page.click('main form[action="/dang-nhap"] button[type=submit]')]);

  await page.goto(uiOrigin);
  const answer = await call(page);
  expect(answer.status).toBe(200);
  expect(Buffer.from(JSON.parse(answer.body).payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');

  // Another origin, same browser and cookie: the request is refused and the answer unreadable.
  const elsewhere = await servePage();
  await page.goto(elsewhere);
  const foreign = await call(page);
  expect(foreign.status).toBe(0);
  expect(foreign.body).toMatch(/TypeError|Failed to fetch/);
  await context.close();
});
