/**
 * A dossier with several results (one per issue step: `<dossier>-KQ1`, `-KQ2`): the dossier page
 * lists each with its own PDF, the old single-result link still opens the first, and the
 * applicant's result link lists them all, each link carrying the same token. The read model and
 * the documents are written here as the workflow's projection would write them.
 */
import crypto from 'node:crypto';
import { Dossier, DossierDocument } from '../../db/entities';
import { linkToken } from '../../domain/applicant-links';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
import type { ResultRecord } from '../../workflows/messages';
import { openTask, submit } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

/** A made-up PDF whose bytes say which result it is. */
const pdfOf = (documentCode: string) => Buffer.from(`%PDF-1.4\n% ${documentCode}\n%%EOF\n`);

/** Gives a dossier these results, in the read model and in the documents table. */
async function issue(code: string, titles: string[]): Promise<ResultRecord[]> {
  const em = stack.db.orm.em.fork();
  const dossier = await em.findOneOrFail(Dossier, { code });
  const results = titles.map((title, i) => ({ number: `${i + 1}/2026/KQ`, documentCode: `${code}-KQ${i + 1}`, issuedAt: new Date().toISOString(), title }));
  for (const r of results) {
    const content = pdfOf(r.documentCode);
    em.create(DossierDocument, {
      dossier,
      code: r.documentCode,
      kind: 'result',
      title: r.title,
      fileName: `${r.documentCode}.pdf`,
      mimeType: 'application/pdf',
      content,
      sha256: crypto.createHash('sha256').update(content).digest('hex'),
    });
  }
  await em.flush();
  await em.nativeUpdate(Dossier, { code }, { result: results[0], results });
  return results;
}

const enc = encodeURIComponent;

test('the dossier page lists every result with its own PDF; the old link opens the first', async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  const results = await issue(code, ['Giấy phép lái xe', 'Giấy xác nhận đổi giấy phép']);

  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.tiepnhan');
  const page = await web.get(`/ho-so/${enc(code)}`);
  const text = visibleText(page.text);
  for (const r of results) {
    expect(text).toContain(`${r.title} số ${r.number}`);
    expect(page.text).toContain(`href="/ho-so/${enc(code)}/ket-qua/${enc(r.documentCode)}.pdf"`);
    const pdf = await web.download(`/ho-so/${enc(code)}/ket-qua/${enc(r.documentCode)}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.body.equals(pdfOf(r.documentCode))).toBe(true);
  }
  expect((await web.download(`/ho-so/${enc(code)}/ket-qua.pdf`)).body.equals(pdfOf(results[0].documentCode))).toBe(true);
  expect((await web.download(`/ho-so/${enc(code)}/ket-qua/${enc(`${code}-KQ9`)}.pdf`)).status).toBe(404);
});

test("the applicant's result link lists several results, each link with the same token", async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  const results = await issue(code, ['Giấy phép lái xe', 'Giấy xác nhận đổi giấy phép']);
  const token = linkToken(IN_PROCESS_SECRETS.linkSecret, code, 'result');

  const web = new WebClient(stack.baseUrl);
  const page = await web.get(`/ket-qua/${enc(code)}?t=${token}`);
  expect(page.status).toBe(200);
  const links = [...page.text.matchAll(/href="(\/ket-qua\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  expect(links).toEqual(results.map((r) => `/ket-qua/${enc(code)}/${enc(r.documentCode)}.pdf?t=${token}`));
  for (const [i, link] of links.entries()) {
    const pdf = await web.download(link);
    expect(pdf.status).toBe(200);
    expect(pdf.body.equals(pdfOf(results[i].documentCode))).toBe(true);
  }
  expect((await web.download(`/ket-qua/${enc(code)}/${enc(results[0].documentCode)}.pdf?t=sai`)).status).toBe(404);
  // A result of another dossier is not reached through this dossier's token.
  const other = await submit(stack);
  const [foreign] = await issue(other, ['Giấy phép lái xe']);
  expect((await web.download(`/ket-qua/${enc(code)}/${enc(foreign.documentCode)}.pdf?t=${token}`)).status).toBe(404);
});

test("the applicant's result link opens the only result directly", async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  const [only] = await issue(code, ['Giấy phép lái xe']);
  const pdf = await new WebClient(stack.baseUrl).download(`/ket-qua/${enc(code)}?t=${linkToken(IN_PROCESS_SECRETS.linkSecret, code, 'result')}`);
  expect(pdf.status).toBe(200);
  expect(pdf.contentType).toBe('application/pdf');
  expect(pdf.body.equals(pdfOf(only.documentCode))).toBe(true);
});
