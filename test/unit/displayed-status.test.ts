/**
 * What every page shows of a dossier's status and appointment (issue 9): an accepted dossier never
 * reads "Mới đăng ký" again, and one that ended without a result shows no appointment nor
 * standing, on the dossier page, the queues and the public lookup alike (domain/portal-status.ts).
 */
import type { IDossier, ITimelineEvent } from '../../db/entities';
import { displayedStatus, endedWithoutResult, STATUS } from '../../domain/portal-status';
import { EMPTY_CALENDAR } from '../../domain/working-days';
import { dossierDeadline } from '../../web/view-models/deadline';
import { lookupPage } from '../../web/view-models/lookup';

const accepted = new Date('2026-11-23T02:00:00Z');

function dossier(over: Partial<IDossier>): IDossier {
  return {
    code: 'X-1',
    procedureName: 'Cấp đổi giấy phép lái xe',
    agency: { name: 'Phòng CSGT' },
    applicantName: 'Nguyễn Văn An',
    status: STATUS.IN_PROGRESS,
    outcome: null,
    submittedAt: new Date('2026-11-23T01:00:00Z'),
    acceptedAt: accepted,
    appointmentAt: new Date('2026-11-30T10:00:00Z'),
    decidedAt: null,
    completedAt: null,
    pausedSince: null,
    payment: null,
    ...over,
  } as unknown as IDossier;
}

const event = (seq: number, type: string, status?: number) => ({ seq, type, status, at: new Date(accepted.getTime() + seq * 60_000) }) as unknown as ITimelineEvent;

test('an accepted dossier back at intake reads "Đang xử lý"; before acceptance "Mới đăng ký" stays', () => {
  expect(displayedStatus({ status: STATUS.REGISTERED, acceptedAt: accepted })).toBe(STATUS.IN_PROGRESS);
  expect(displayedStatus({ status: STATUS.REGISTERED, acceptedAt: null })).toBe(STATUS.REGISTERED);
  expect(displayedStatus({ status: STATUS.SUPPLEMENT_REQUESTED, acceptedAt: accepted })).toBe(STATUS.SUPPLEMENT_REQUESTED);
});

test('refused, rejected, stopped and withdrawn dossiers ended without a result; completed ones did not', () => {
  expect(endedWithoutResult({ status: STATUS.NOT_ACCEPTED, outcome: 'refused' })).toBe(true);
  expect(endedWithoutResult({ status: STATUS.RESULT_RETURNED, outcome: 'rejected' })).toBe(true);
  expect(endedWithoutResult({ status: STATUS.STOPPED })).toBe(true);
  expect(endedWithoutResult({ status: STATUS.WITHDRAWN })).toBe(true);
  expect(endedWithoutResult({ status: STATUS.RESULT_RETURNED, outcome: 'completed' })).toBe(false);
  expect(dossierDeadline({ status: STATUS.NOT_ACCEPTED, outcome: 'refused', appointmentAt: new Date('2026-11-30T10:00:00Z'), decidedAt: accepted }, EMPTY_CALENDAR)).toBeUndefined();
});

test('the public lookup never shows the status going back, nor an appointment for a refused dossier', () => {
  const page = lookupPage({
    code: 'X-1',
    dossier: dossier({ status: STATUS.REGISTERED }),
    events: [event(1, 'submitted', 1), event(2, 'status', 1), event(3, 'appointment'), event(4, 'status', 2), event(5, 'status', 1)],
  });
  expect(page.dossier?.statusLabel).toBe('Đang xử lý');
  expect(page.dossier?.history.map((h) => h.label)).toEqual(['Mới đăng ký', 'Mới đăng ký', 'Được tiếp nhận']);

  const refused = lookupPage({ code: 'X-1', dossier: dossier({ status: STATUS.NOT_ACCEPTED, outcome: 'refused', acceptedAt: null }) });
  expect(refused.dossier?.appointmentAt).toBeUndefined();
  expect(refused.dossier?.statusLabel).toBe('Không được tiếp nhận');
});
