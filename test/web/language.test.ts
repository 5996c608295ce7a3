/**
 * Languages (issue 9, quality): Vietnamese by default, English on request. An anonymous
 * visitor's choice is kept in a cookie; an official's on the official, so it follows them from
 * one sign-in to the next; anything not yet translated shows in Vietnamese. The switch takes
 * only the languages there are, and goes back only to a page of this site.
 */
import { Official } from '../../db/entities';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(() => stack?.stop());

const htmlLang = (html: string) => /<html lang="([^"]+)">/.exec(html)?.[1];
const languageOf = async (username: string) => (await stack.db.orm.em.fork().findOneOrFail(Official, { username })).language;

/** Loads `from` (for its CSRF token and switch), then switches to `lang`, coming back to `next`. */
async function switchTo(web: WebClient, lang: string, next: string, from = next) {
  await web.get(from);
  return web.post('/ngon-ngu', { lang, next });
}

test('a visitor reads Vietnamese until they switch, then English from a cookie, with untranslated text in Vietnamese', async () => {
  const web = new WebClient(stack.baseUrl);
  const home = await web.get('/thu-tuc');
  expect(htmlLang(home.text)).toBe('vi');
  expect(visibleText(home.text)).toContain('Danh mục thủ tục hành chính');
  expect(home.text).toContain('data-testid="language-switch"');

  const switched = await switchTo(web, 'en', '/thu-tuc?trang=1');
  expect(switched.status).toBe(303);
  expect(switched.location).toBe('/thu-tuc?trang=1');
  expect(switched.headers?.get('set-cookie')).toMatch(/^lang=en; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);

  const english = await web.get('/thu-tuc');
  expect(htmlLang(english.text)).toBe('en');
  const text = visibleText(english.text);
  expect(text).toContain('Catalogue of administrative procedures');
  expect(text).toContain('Skip to main content');
  expect(text).toContain('Track a dossier');
  expect(text).not.toContain('Danh mục thủ tục hành chính');
  // Procedure names are content, not in the catalogue: they stay as written.
  expect(text).toContain('Đổi giấy phép lái xe');
  // The lookup form and the sign-in page too.
  expect(visibleText((await web.get('/tra-cuu')).text)).toContain('Security code');
  expect(visibleText((await web.get('/dang-nhap')).text)).toContain('Sign-in for officials');
  // An error page, translated as well.
  const missing = await web.get('/khong-co-trang-nay');
  expect(missing.status).toBe(404);
  expect(visibleText(missing.text)).toContain('Page not found');

  // Back to Vietnamese.
  await switchTo(web, 'vi', '/');
  const again = await web.get('/');
  expect(htmlLang(again.text)).toBe('vi');
  expect(visibleText(again.text)).toContain('Dịch vụ công trực tuyến');
});

test('an official’s choice is kept on the official and comes back at the next sign-in, whatever the browser’s cookie', async () => {
  expect(await languageOf('hn.chuyenvien')).toBe('vi');
  const first = new WebClient(stack.baseUrl);
  expect((await first.signIn('hn.chuyenvien')).status).toBe(303);
  const switched = await switchTo(first, 'en', '/cong-viec');
  expect(switched.location).toBe('/cong-viec');
  expect(await languageOf('hn.chuyenvien')).toBe('en');
  const queue = await first.get('/cong-viec');
  expect(htmlLang(queue.text)).toBe('en');
  expect(visibleText(queue.text)).toContain('Dossiers to handle');
  expect(visibleText(queue.text)).toContain('Sign out');
  await first.post('/dang-xuat', {});

  // Another browser, never switched: the official's English comes with the sign-in.
  const second = new WebClient(stack.baseUrl);
  expect(htmlLang((await second.get('/dang-nhap')).text)).toBe('vi');
  await second.signIn('hn.chuyenvien');
  expect(htmlLang((await second.get('/cong-viec')).text)).toBe('en');

  // A browser whose visitor chose English: a Vietnamese-reading official still reads Vietnamese.
  const third = new WebClient(stack.baseUrl);
  await switchTo(third, 'en', '/dang-nhap');
  expect(htmlLang((await third.get('/dang-nhap')).text)).toBe('en');
  await third.signIn('hn.tiepnhan');
  expect(htmlLang((await third.get('/cong-viec')).text)).toBe('vi');
  expect(await languageOf('hn.tiepnhan')).toBe('vi');
});

test('refuses a language there is not, a missing one and a switch without its CSRF token', async () => {
  const web = new WebClient(stack.baseUrl);
  for (const lang of ['fr', 'EN', '', 'en; Path=/', 'x'.repeat(5000)]) {
    const refused = await switchTo(web, lang, '/');
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('Ngôn ngữ không hợp lệ');
    expect(refused.headers?.get('set-cookie') ?? '').not.toContain('lang=');
  }
  await web.get('/');
  expect((await web.post('/ngon-ngu', { next: '/' })).status).toBe(400);
  expect((await web.post('/ngon-ngu', { lang: 'en', next: '/' }, false)).status).toBe(403);
  expect(htmlLang((await web.get('/')).text)).toBe('vi');
});

test('goes back only to a page of this site', async () => {
  const web = new WebClient(stack.baseUrl);
  for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/%2F%2Fevil.example', '']) {
    const answer = await switchTo(web, 'en', next, '/');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/');
  }
  expect((await switchTo(web, 'vi', '/tra-cuu?ma=abc', '/')).location).toBe('/tra-cuu?ma=abc');
});
