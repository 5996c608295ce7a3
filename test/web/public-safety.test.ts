/**
 * Safe in front of the public (issue 8): the development mailbox only for the officials allowed
 * to read applicants' messages (and never when it is off); the sign-in follows only paths of
 * this site; nothing dynamic is kept by a browser or a proxy, so Back after sign-out shows no
 * dossier, while static assets keep their caching.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Notification } from '../../db/entities';
import { createApp } from '../../web/app';
import { decide, expectDone, renewalForm, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
/** A dossier of CSGT-01 (Hà Nội), accepted, and one of CSGT-79 (Hồ Chí Minh). */
let hanoi: string;
let hoChiMinh: string;

beforeAll(async () => {
  stack = await startStack();
  hanoi = await submit(stack);
  hoChiMinh = await submit(stack, renewalForm('motorbikeHolderHoChiMinh', { province: '79' }));
  expectDone(await decide(stack, hanoi, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, hanoi, (d) => !!d.acceptedAt);
  // One message to each applicant in the outbox, whatever the workflows have sent by now.
  const em = stack.db.orm.em.fork();
  for (const [code, to] of [[hanoi, 'an.hanoi@example.vn'], [hoChiMinh, 'binh.hcm@example.vn']] as const) {
    em.create(Notification, { key: `safety-${code}`, dossierCode: code, channel: 'email', recipient: to, recipientName: 'Công dân', subject: `Thư về hồ sơ ${code}`, body: `Xem kết quả: ${stack.baseUrl}/ket-qua/${code}?t=abc`, createdAt: new Date() });
  }
  await em.flush();
});
afterAll(() => stack?.stop());

async function signedIn(username: string, baseUrl = stack.baseUrl): Promise<WebClient> {
  const web = new WebClient(baseUrl);
  const page = await web.signIn(username);
  expect(page.status).toBe(303);
  return web;
}

const mailboxLink = (html: string) => html.includes('href="/hop-thu"');

describe('the development mailbox', () => {
  test('asks whoever is not signed in to sign in, and the public pages do not link to it', async () => {
    const web = new WebClient(stack.baseUrl);
    const page = await web.get('/hop-thu');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/dang-nhap?tiep=%2Fhop-thu');
    expect(visibleText(page.text)).not.toContain(hanoi);
    expect(mailboxLink((await web.get('/thu-tuc')).text)).toBe(false);
  });

  test('is refused to officials who work dossiers (403), and not linked for them', async () => {
    const web = await signedIn('hn.tiepnhan');
    const page = await web.get('/hop-thu');
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(`Thư về hồ sơ ${hanoi}`);
    expect(mailboxLink((await web.get('/cong-viec')).text)).toBe(false);
  });

  test('shows an administrator every message, and links to it', async () => {
    const web = await signedIn('hn.quantri');
    const page = await web.get('/hop-thu');
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(`Thư về hồ sơ ${hanoi}`);
    expect(visibleText(page.text)).toContain(`Thư về hồ sơ ${hoChiMinh}`);
    expect(mailboxLink(page.text)).toBe(true);
  });

  test("shows a supervisor only the messages of their agency's dossiers", async () => {
    const web = await signedIn('hn.giamsat');
    const page = await web.get('/hop-thu');
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(`Thư về hồ sơ ${hanoi}`);
    expect(page.text).not.toContain(hoChiMinh);
    const filtered = await web.get('/hop-thu?den=binh.hcm%40example.vn');
    expect(filtered.status).toBe(200);
    expect(filtered.text).not.toContain(hoChiMinh);
  });

  test('does not exist when it is off (as always in production), not even for an administrator', async () => {
    const server = http.createServer(createApp({ ...stack.services, mailboxPage: false }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const web = await signedIn('hn.quantri', baseUrl);
      expect((await web.get('/hop-thu')).status).toBe(404);
      expect(mailboxLink((await web.get('/quan-tri/lich')).text)).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('after sign-in', () => {
  const EVIL = ['/\\evil.example/x', '//evil.example/x', '/%5Cevil.example/x', '/%2F%2Fevil.example/x', 'https://evil.example/x', '/\t/evil.example'];

  test('the form carries no target off this site', async () => {
    const web = new WebClient(stack.baseUrl);
    const page = await web.get(`/dang-nhap?tiep=${encodeURIComponent('/\\evil.example/x')}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('evil.example');
  });

  test('lands on the default page when the target is another site', async () => {
    for (const next of EVIL) {
      const web = new WebClient(stack.baseUrl);
      await web.get('/dang-nhap');
      const page = await web.post('/dang-nhap', { username: 'hn.chuyenvien', password: 'motcua-demo', next });
      expect({ next, status: page.status, location: page.location }).toEqual({ next, status: 303, location: '/' });
    }
  });

  test('follows a path of this site', async () => {
    const web = new WebClient(stack.baseUrl);
    expect((await web.get('/giam-sat')).location).toBe('/dang-nhap?tiep=%2Fgiam-sat');
    await web.get('/dang-nhap?tiep=%2Fgiam-sat');
    const page = await web.post('/dang-nhap', { username: 'hn.giamsat', password: 'motcua-demo', next: '/giam-sat' });
    expect(page.location).toBe('/giam-sat');
  });
});

describe('caching', () => {
  const expectNoStore = (headers: Headers | undefined, what: string) => {
    expect({ what, cacheControl: headers?.get('cache-control'), pragma: headers?.get('pragma') }).toEqual({ what, cacheControl: 'no-store', pragma: 'no-cache' });
  };

  test('no back-office page or document is kept by the browser', async () => {
    const web = await signedIn('hn.tiepnhan');
    const dossier = await web.get(`/ho-so/${encodeURIComponent(hanoi)}`);
    expect(dossier.status).toBe(200);
    expectNoStore(dossier.headers, 'the dossier page');
    expectNoStore((await web.get('/cong-viec')).headers, 'the queue');
    const receipt = await web.download(`/ho-so/${encodeURIComponent(hanoi)}/giay-tiep-nhan.pdf`);
    expect(receipt.status).toBe(200);
    expect(receipt.contentType).toBe('application/pdf');
    expectNoStore(receipt.headers, 'the receipt');
    // Back after signing out: the browser must ask again, and the server no longer answers.
    await web.post('/dang-xuat', {});
    const back = await web.get(`/ho-so/${encodeURIComponent(hanoi)}`);
    expect(back.status).toBe(303);
    expectNoStore(back.headers, 'the redirect to sign-in');
  });

  test("no applicant's page is kept either", async () => {
    const web = new WebClient(stack.baseUrl);
    await web.get('/nop-ho-so/GPLX-DOI');
    const submitted = await web.post('/nop-ho-so/GPLX-DOI', { ...renewalForm('revokedLicence'), requestId: '5d2f9b1e-3c4a-4e7b-9a6d-1f2e3d4c5b6a' });
    expect(submitted.status).toBe(303);
    const confirmation = await web.get(submitted.location!);
    expect(confirmation.status).toBe(200);
    expect(visibleText(confirmation.text)).toContain('Mã hồ sơ');
    expectNoStore(confirmation.headers, 'the confirmation of a submission');
    // The status page it links to (the lookup, with the code and the secret).
    const lookupHref = /href="(\/tra-cuu\?[^"]+)"/.exec(confirmation.text)![1].replace(/&amp;/g, '&');
    const lookup = await web.get(lookupHref);
    expect(lookup.status).toBe(200);
    expectNoStore(lookup.headers, 'the lookup');
    expectNoStore((await web.get(`/ket-qua/${encodeURIComponent(hanoi)}?t=abc`)).headers, 'a signed link');
    expectNoStore((await web.get('/khong-co-trang-nay')).headers, 'a page not found');
  });

  test('static assets keep their caching', async () => {
    const web = new WebClient(stack.baseUrl);
    const css = await web.get('/static/styles.css');
    expect(css.status).toBe(200);
    expect(css.headers?.get('cache-control')).toBe('public, max-age=3600');
    expect(css.headers?.get('pragma')).toBeNull();
  });
});
