/**
 * The English catalogue (web/i18n/en.json): every entry translated, with the same variables as
 * its Vietnamese key, and the pages already translated have every fixed text in it. A text not
 * in the catalogue falls back to the Vietnamese, variables filled in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EN_CATALOGUE, interpolations, isLanguage, translator } from '../../web/i18n';
import { switchTarget } from '../../web/middleware/language';
import { PORTAL_STATUS } from '../../domain/portal-status';
import { ROLE_LABELS } from '../../domain/roles';

const entries = Object.entries(EN_CATALOGUE);

test('every English value is a non-empty translation with the variables of its key', () => {
  expect(entries.length).toBeGreaterThan(100);
  for (const [key, value] of entries) {
    expect({ key, value: typeof value === 'string' ? value.trim().length > 0 : value }).toEqual({ key, value: true });
    expect({ key, variables: interpolations(value) }).toEqual({ key, variables: interpolations(key) });
  }
});

test('interpolations are read as i18next reads them', () => {
  expect(interpolations('Trang {{page}}/{{pages}} · {{ total }} dòng')).toEqual(['page', 'pages', 'total']);
  expect(interpolations('Không có biến')).toEqual([]);
});

test('translates with the variables filled in, and falls back to the Vietnamese text', () => {
  const en = translator('en');
  const vi = translator('vi');
  expect(en('Trang {{page}}/{{pages}} · {{total}} dòng', { page: 2, pages: 5, total: 93 })).toBe('Page 2/5 · 93 rows');
  expect(vi('Trang {{page}}/{{pages}} · {{total}} dòng', { page: 2, pages: 5, total: 93 })).toBe('Trang 2/5 · 93 dòng');
  expect(en('Một câu chưa dịch: {{n}} hồ sơ. Có dấu hai chấm và dấu chấm.', { n: 7 })).toBe('Một câu chưa dịch: 7 hồ sơ. Có dấu hai chấm và dấu chấm.');
  // Not escaped here: the views escape what they print.
  expect(en('Hồ sơ {{code}}', { code: '<b>' })).toBe('Dossier <b>');
  expect(en('')).toBe('');
});

test('the statuses, roles and the header are translated', () => {
  for (const label of [...Object.values(PORTAL_STATUS), ...Object.values(ROLE_LABELS)]) expect(EN_CATALOGUE[label]).toBeTruthy();
  for (const nav of ['Thủ tục', 'Nộp hồ sơ', 'Tra cứu hồ sơ', 'Cán bộ đăng nhập', 'Hồ sơ cần xử lý', 'Giám sát tiến độ', 'Báo cáo thống kê', 'Thông báo', 'Đăng xuất']) {
    expect(EN_CATALOGUE[nav]).toBeTruthy();
  }
});

test('every fixed text of the translated pages is in the catalogue', () => {
  const views = path.join(__dirname, '..', '..', 'web', 'views');
  const translated = ['partials/header', 'partials/footer', 'partials/field', 'partials/supervision-filters', 'partials/supervision-pager', 'partials/supervision-tabs', 'home', 'login', 'error', 'catalogue', 'procedure', 'procedures', 'lookup', 'inbox', 'submit', 'supervision', 'supervision-tasks', 'supervision-workload', 'reports', 'results', 'submitted', 'audit', 'admin-office-hours', 'reassignment', 'absences', 'queue', 'partials/queue-search', 'dossier', 'counter-procedures', 'counter-intake', 'supplement', 'payment-return', 'partials/upload-fields', 'partials/dossier-documents', 'partials/dossier-messages', 'delivery-failures', 'mailbox', 'counter-handover', 'counter-payment', 'counter-documents'];
  const missing: string[] = [];
  for (const view of translated) {
    const source = fs.readFileSync(path.join(views, `${view}.ejs`), 'utf8');
    for (const [, key] of source.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) if (!EN_CATALOGUE[key]) missing.push(`${view}: ${key}`);
  }
  expect(missing).toEqual([]);
});

test('only Vietnamese and English are languages', () => {
  expect(['vi', 'en'].every(isLanguage)).toBe(true);
  for (const other of ['fr', 'EN', '', undefined, 1, 'vi ']) expect(isLanguage(other)).toBe(false);
});

test('the language switch comes back to the same page and query, never to a target named in it', () => {
  expect(switchTarget('/cong-viec?q=nguyen+van+an&trang=2')).toBe('/cong-viec?q=nguyen+van+an&trang=2');
  expect(switchTarget('/dang-nhap?tiep=%2F%5Cevil.example%2Fx')).toBe('/dang-nhap');
  expect(switchTarget('/dang-nhap?tiep=/giam-sat&x=1')).toBe('/dang-nhap?x=1');
  expect(switchTarget('//evil.example/')).toBe('/');
  expect(switchTarget('/thu-tuc')).toBe('/thu-tuc');
  // The lookup's secret is not echoed into the page.
  expect(switchTarget('/tra-cuu?ma=000.00.31.H01-261124-0001&bm=7KQ2-M9XD')).toBe('/tra-cuu?ma=000.00.31.H01-261124-0001');
});
