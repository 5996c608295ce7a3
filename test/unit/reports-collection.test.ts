/**
 * "Results not collected" (issue 9): a paper dossier (received at the counter or by post) with a
 * result counts as not collected until its handover is recorded (result_handover), as of the
 * period's end; online and API dossiers, and dossiers without a result, as before: until the
 * workflow's end. The same rule against the database: test/web/post-intake.test.ts.
 */
import { legalCalendar } from '../../domain/calendar';
import { collectedBy, handedOverOnPaper, periodBounds, type ReportDossier, standingOf } from '../../web/services/reports';

const calendar = legalCalendar([]);
// 1–13 February 2026; the standing is taken at 13/02 23:59:59.999 (Vietnam time).
const bounds = periodBounds({ from: '2026-02-01', to: '2026-02-13' }, new Date('2026-12-02T00:00:00Z'));
const decided = new Date('2026-02-05T10:00:00+07:00');
const ended = new Date('2026-02-05T10:05:00+07:00');

const dossier = (over: Partial<ReportDossier>): ReportDossier => ({
  agency: { id: 1, code: 'CSGT-01', name: 'CSGT', provinceCode: '01', officeHours: null },
  procedureCode: 'GPLX-DOI',
  procedureName: 'Đổi giấy phép lái xe',
  procedureLevel: 'province',
  channel: 'online',
  acceptedAt: new Date('2026-02-02T09:00:00+07:00'),
  decidedAt: decided,
  completedAt: ended,
  hasResult: true,
  handedOverAt: null,
  appointmentAt: new Date('2026-02-10T17:00:00+07:00'),
  timeLimit: { amount: 5, unit: 'working-days' },
  pauses: [],
  pausedSince: null,
  apology: null,
  ...over,
});

const notCollected = (d: ReportDossier) => standingOf(d, bounds, calendar)?.notCollected;

describe('results not collected', () => {
  test('online and API dossiers: collected when the workflow ended, as before', () => {
    expect(notCollected(dossier({ channel: 'online' }))).toBe(false);
    expect(notCollected(dossier({ channel: 'api' }))).toBe(false);
    expect(notCollected(dossier({ channel: 'online', completedAt: null }))).toBe(true);
    expect(notCollected(dossier({ channel: 'api', completedAt: new Date('2026-02-14T08:00:00+07:00') }))).toBe(true);
  });

  test.each(['counter', 'post'])('a %s dossier with a result: not collected until handed over, whatever the workflow says', (channel) => {
    // The workflow ended, nobody has the paper yet.
    expect(notCollected(dossier({ channel }))).toBe(true);
    // Handed over (at the counter, or sent by post) within the period.
    expect(notCollected(dossier({ channel, handedOverAt: new Date('2026-02-12T15:00:00+07:00') }))).toBe(false);
    // The last moment of the period still counts; the next morning does not.
    expect(notCollected(dossier({ channel, handedOverAt: new Date('2026-02-13T23:59:59+07:00') }))).toBe(false);
    expect(notCollected(dossier({ channel, handedOverAt: new Date('2026-02-14T08:00:00+07:00') }))).toBe(true);
    // Handed over before the workflow's end was recorded: collected all the same.
    expect(notCollected(dossier({ channel, completedAt: null, handedOverAt: new Date('2026-02-06T08:00:00+07:00') }))).toBe(false);
  });

  test('a paper dossier without a result (refused, cancelled): as before, by the workflow\'s end', () => {
    expect(notCollected(dossier({ channel: 'counter', hasResult: false }))).toBe(false);
    expect(notCollected(dossier({ channel: 'post', hasResult: false, completedAt: null }))).toBe(true);
  });

  test('only paper dossiers with a result are handed over on paper', () => {
    expect(handedOverOnPaper({ channel: 'counter', hasResult: true })).toBe(true);
    expect(handedOverOnPaper({ channel: 'post', hasResult: true })).toBe(true);
    expect(handedOverOnPaper({ channel: 'online', hasResult: true })).toBe(false);
    expect(handedOverOnPaper({ channel: 'counter', hasResult: false })).toBe(false);
    expect(collectedBy(dossier({ channel: 'online', handedOverAt: new Date('2026-02-06T08:00:00+07:00') }))).toEqual(ended);
  });

  test('still in progress: never "not collected"', () => {
    expect(standingOf(dossier({ channel: 'counter', decidedAt: null, completedAt: null }), bounds, calendar)).toMatchObject({ notCollected: false });
  });
});
