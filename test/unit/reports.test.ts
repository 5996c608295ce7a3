/**
 * The parts of the reports that need no database: the period a query may ask for, where one
 * dossier stands, and the CSV's bytes. The figures against a whole dataset: test/web/reports.test.ts.
 */
import { legalCalendar } from '../../domain/calendar';
import { parse } from '../../web/validation';
import { reportCsv } from '../../web/report-exports';
import { reportQuery } from '../../web/routes/back-office/reports.schema';
import { emptyFigures, periodBounds, type Report, type ReportDossier, standingOf } from '../../web/services/reports';

const query = reportQuery('2026-12-02');

describe('the period a report may cover', () => {
  test('five years at most, counted from the first day (the anniversary of a leap day is 1 March)', () => {
    expect(parse(query, { tu: '2021-12-03', den: '2026-12-02' })).toMatchObject({ ok: true });
    expect(parse(query, { tu: '2021-12-02', den: '2026-12-02' })).toEqual({
      ok: false,
      errors: { den: 'Kỳ báo cáo dài quá 5 năm: bắt đầu từ 02/12/2021 thì kết thúc muộn nhất ngày 01/12/2026.' },
    });
    expect(parse(query, { tu: '2020-02-29', den: '2025-02-28' })).toMatchObject({ ok: true });
    expect(parse(query, { tu: '2020-02-29', den: '2025-03-01' })).toEqual({
      ok: false,
      errors: { den: 'Kỳ báo cáo dài quá 5 năm: bắt đầu từ 29/02/2020 thì kết thúc muộn nhất ngày 28/02/2025.' },
    });
  });

  test('one day is a period; typed dates read as the picker sends them', () => {
    expect(parse(query, { tu: '13/2/2026', den: '13/02/2026' })).toEqual({ ok: true, value: { from: '2026-02-13', to: '2026-02-13', groupBy: 'procedure', agency: undefined } });
  });

  test('refuses a start after today, and says which today', () => {
    expect(parse(query, { tu: '2026-12-03', den: '2026-12-31' })).toEqual({ ok: false, errors: { tu: 'Ngày bắt đầu không được sau hôm nay (02/12/2026).' } });
  });
});

describe('where a dossier stands', () => {
  // Tết Bính Ngọ: Monday 16 to Friday 20 February 2026 off.
  const calendar = legalCalendar(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((day) => ({ day, kind: 'holiday' as const, name: 'Tết', provisional: false })));
  const bounds = periodBounds({ from: '2026-02-02', to: '2026-02-13' }, new Date('2026-12-02T00:00:00Z'));
  const dossier = (over: Partial<ReportDossier>): ReportDossier => ({
    agency: { id: 1, code: 'CSGT-01', name: 'CSGT', provinceCode: '01', officeHours: null },
    procedureCode: 'GPLX-DOI',
    procedureName: 'Đổi giấy phép lái xe',
    procedureLevel: 'province',
    channel: 'online',
    // 2 working days from Thursday 12/02: Friday 13/02, then Monday 23/02 after Tết.
    acceptedAt: new Date('2026-02-12T09:00:00+07:00'),
    decidedAt: null,
    completedAt: null,
    appointmentAt: new Date('2026-02-23T17:00:00+07:00'),
    timeLimit: { amount: 2, unit: 'working-days' },
    pauses: [],
    pausedSince: null,
    apology: null,
    ...over,
  });

  test('the standing is taken at the last moment of the last day', () => {
    expect(bounds.asOf.toISOString()).toBe('2026-02-13T16:59:59.999Z');
  });

  test('due on the first working day after Tết is nearly due on the eve of Tết', () => {
    expect(standingOf(dossier({}), bounds, calendar)).toEqual({ received: true, carriedOver: false, notCollected: false, inProgress: 'due-soon' });
  });

  test('a due date moved by an apology after the period is judged as it stood', () => {
    const apology = {
      at: '2026-02-23T08:00:00+07:00',
      reason: 'Chờ xác minh',
      previousAppointmentAt: '2026-02-23T10:00:00.000Z',
      newAppointmentAt: '2026-02-27T10:00:00.000Z',
      by: { id: '1', name: 'Phạm Quốc Hùng' },
    };
    const moved = dossier({ appointmentAt: new Date(apology.newAppointmentAt), apology });
    expect(standingOf(moved, bounds, calendar)?.inProgress).toBe('due-soon');
  });

  test('without a time limit: on time once decided, not yet due while open', () => {
    const open = dossier({ appointmentAt: null, timeLimit: null });
    expect(standingOf(open, bounds, calendar)?.inProgress).toBe('not-due');
    expect(standingOf({ ...open, decidedAt: new Date('2026-02-13T09:00:00+07:00') }, bounds, calendar)).toMatchObject({ decided: 'on-time', notCollected: true });
  });

  test('decided before the period or accepted after it: not counted', () => {
    expect(standingOf(dossier({ acceptedAt: new Date('2026-01-05T09:00:00+07:00'), decidedAt: new Date('2026-01-30T09:00:00+07:00') }), bounds, calendar)).toBeNull();
    expect(standingOf(dossier({ acceptedAt: new Date('2026-02-14T09:00:00+07:00') }), bounds, calendar)).toBeNull();
  });
});

test('the CSV starts with a byte-order mark and quotes names with commas and quotes', () => {
  const figures = { ...emptyFigures(), received: 1, receivedBy: { online: 1, counter: 0, post: 0 }, toHandle: 1, inProgress: 1, inProgressNotDue: 1, lateRate: 0, onTimeRate: 1 };
  const report: Report = {
    period: { from: '2026-02-02', to: '2026-02-13' },
    asOf: '2026-02-13T16:59:59.999Z',
    groupBy: 'agency',
    scope: { agencies: [], all: true },
    rows: [{ group: { key: 'X-01', name: 'Sở "Mới", thành phố' }, figures }],
    total: figures,
  };
  const csv = reportCsv(report);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.subarray(3).toString('utf8').split('\r\n');
  expect(lines[1]).toBe('X-01,"Sở ""Mới"", thành phố",0,1,1,0,0,1,0,0,0,0,0,1,1,0,0,0,0,100');
  expect(lines[2]).toBe(',Tổng cộng,0,1,1,0,0,1,0,0,0,0,0,1,1,0,0,0,0,100');
  expect(lines[3]).toBe('');
});
