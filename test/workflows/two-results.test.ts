/**
 * A procedure with two issue steps gets two results, `<dossier>-KQ1` and `-KQ2`, each with its
 * own number and its own stored PDF; the second never overwrites the first, the read model and
 * the applicant's message name both, and the applicant's link lists both.
 */
import { applicantLinks } from '../../domain/applicant-links';
import { twoResultsSample } from '../fixtures/two-results-sample';
import { extractPdf } from '../support/pdf-text';
import { catalogueWith } from '../support/catalogue';
import { runScenario } from '../support/procedure-scenario';
import { storedDocument } from '../support/read-model';
import { startStack, type Stack } from '../support/stack';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
import { Notification } from '../../db/entities';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ catalog: catalogueWith({ definition: twoResultsSample, file: 'test/fixtures/two-results-sample.ts' }) });
});
afterAll(() => stack?.stop());

test('issues one result per issue step, each numbered and stored under its own code', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'TEST-TWO-RESULTS',
    form: { fullName: 'Phạm Thị Thu Hà', citizenId: '031188007310', province: '01', email: 'ha@example.vn' },
    steps: [
      { task: 'intake', as: 'hn.stp.tiepnhan', action: 'accept' },
      { task: 'approval', as: 'hn.stp.lanhdao', action: 'approve' },
    ],
    expect: { status: 10, outcome: 'completed' },
  });
  const year = new Date().getFullYear();
  expect(dossier.results.map((r) => [r.documentCode, r.title, r.number])).toEqual([
    [`${dossier.code}-KQ1`, 'Giấy xác nhận', `00001/${year}/XN-01`],
    [`${dossier.code}-KQ2`, 'Trích lục giấy xác nhận', `00001/${year}/TL-01`],
  ]);
  // The first result stays the first: the second did not overwrite it.
  expect(dossier.result?.documentCode).toBe(`${dossier.code}-KQ1`);
  const [first, second] = await Promise.all([storedDocument(stack, `${dossier.code}-KQ1`), storedDocument(stack, `${dossier.code}-KQ2`)]);
  expect(extractPdf(Buffer.from(first.content)).text).toContain(`00001/${year}/XN-01`);
  expect(extractPdf(Buffer.from(second.content)).text).toContain(`00001/${year}/TL-01`);

  const message = await stack.db.orm.em.fork().findOneOrFail(Notification, { dossierCode: dossier.code, key: { $like: '%:result' } });
  expect(message.body).toContain(`Kết quả số 00001/${year}/XN-01, 00001/${year}/TL-01`);

  // The applicant's result link lists both.
  const link = applicantLinks(stack.baseUrl, IN_PROCESS_SECRETS.linkSecret).result(dossier.code);
  const page = await (await fetch(link)).text();
  expect(page).toContain(`${dossier.code}-KQ1`);
  expect(page).toContain(`${dossier.code}-KQ2`);
});
