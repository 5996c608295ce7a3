/**
 * The printed forms without a server: forms 04 and 07 carry a QR code (04 the dossier code),
 * the ledger streams page after page with its header repeated, the ledger's period is bounded
 * field by field, and form 06's standings.
 */
import { PassThrough } from 'node:stream';
import { renderApologyLetterPdf } from '../../documents/apology-letter';
import { streamTrackingLedgerPdf, type LedgerRow } from '../../documents/tracking-ledger';
import { ledgerQuery } from '../../web/routes/back-office/forms.schema';
import { handedOverLabel, stepStanding } from '../../web/services/printed-forms';
import { parse } from '../../web/validation';
import { qrGrids, qrMatches } from '../support/pdf-qr';

const heading = {
  agencyName: 'Phòng Cảnh sát giao thông – Công an thành phố Hà Nội',
  provinceName: 'Hà Nội',
  dossierCode: '000.00.31.H01-261202-0001',
  procedureName: 'Đổi giấy phép lái xe',
  applicantName: 'Nguyễn Thị Hoà',
  receivedAt: '2026-12-02T02:00:00Z',
};

test('form 04 carries the dossier code as a QR code', async () => {
  const pdf = await renderApologyLetterPdf({
    ...heading,
    previousAppointmentAt: '2026-12-09T10:00:00Z',
    newAppointmentAt: '2026-12-12T10:00:00Z',
    reason: 'Chờ xác minh',
    at: '2026-12-05T02:00:00Z',
    signedBy: 'Phạm Quốc Hùng',
    lookupUrl: 'http://localhost/tra-cuu',
  });
  expect(qrMatches(pdf, heading.dossierCode)).toBe(true);
  expect(qrMatches(pdf, 'something else')).toBe(false);
});

test('the ledger streams every row over several pages, numbered, with a QR code', async () => {
  const rows = async function* (): AsyncIterable<LedgerRow> {
    for (let i = 1; i <= 120; i++) {
      yield { code: `000.00.31.H01-261202-${String(i).padStart(4, '0')}`, applicantName: 'Trần Thị Thuỷ', procedureName: 'Đổi giấy phép lái xe', receivedAt: '2026-12-02T02:00:00Z', handedOver: 'Đang giải quyết' };
    }
  };
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const n = await streamTrackingLedgerPdf({ agencyName: heading.agencyName, agencyCode: 'CSGT-01', provinceName: 'Hà Nội', from: '2026-12-01', to: '2026-12-31', printedAt: '2026-12-02T02:00:00Z', rows: rows() }, out);
  expect(n).toBe(120);
  const pdf = Buffer.concat(chunks);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(2);
  expect(qrGrids(pdf).length).toBe(1);
});

describe('the ledger period', () => {
  const query = ledgerQuery('2026-12-02');
  test('defaults to this month up to today', () => {
    expect(parse(query, {})).toEqual({ ok: true, value: { from: '2026-12-01', to: '2026-12-02' } });
  });
  test('refuses a period that ends before it starts, or longer than 366 days, on the end date', () => {
    const backwards = parse(query, { tu: '2026-12-02', den: '2026-11-01' });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.errors.den).toContain('trước ngày bắt đầu');
    const long = parse(query, { tu: '2025-01-01', den: '2026-12-01' });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.errors.den).toContain('tối đa 366 ngày');
  });
});

test('form 06 standings and the ledger hand-over column', () => {
  const due = new Date('2026-12-05T10:00:00Z');
  const now = new Date('2026-12-10T00:00:00Z');
  expect(stepStanding({ status: 'done', dueAt: due, completedAt: new Date('2026-12-03T10:00:00Z') }, now)).toBe('Trước hạn');
  expect(stepStanding({ status: 'done', dueAt: due, completedAt: new Date('2026-12-05T09:00:00Z') }, now)).toBe('Đúng hạn');
  expect(stepStanding({ status: 'done', dueAt: due, completedAt: new Date('2026-12-06T09:00:00Z') }, now)).toBe('Quá hạn');
  expect(stepStanding({ status: 'open', dueAt: due, completedAt: null }, now)).toBe('Đang xử lý, quá hạn');
  expect(stepStanding({ status: 'cancelled', dueAt: due, completedAt: null }, now)).toBe('Đã hủy');
  expect(handedOverLabel({ status: 3, outcome: 'refused' })).toBe('Không được tiếp nhận');
  expect(handedOverLabel({ status: 7, outcome: 'cancelled' })).toBe('Công dân rút hồ sơ');
  expect(handedOverLabel({ status: 10, outcome: 'completed' })).toBe('Đã trả kết quả');
  expect(handedOverLabel({ status: 4, outcome: null })).toBe('Đang giải quyết');
});
