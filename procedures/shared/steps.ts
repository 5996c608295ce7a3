/**
 * Steps, actions and registry checks that many procedures share, word for word. A definition
 * uses one where it fits and writes its own where its wording differs.
 *
 * Changing a block here changes every published version that uses it: their snapshots
 * (procedures/published.test.ts) then fail. Published versions never change; add a new block
 * (or write the step in the new version) instead.
 */
import type { CheckInput, StepInput, TaskActionInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';

// Ends.

/** The applicant is told the dossier was not taken (from intake). */
export const REFUSED_END: StepInput = {
  id: 'refused',
  kind: 'end',
  name: 'Từ chối tiếp nhận',
  outcome: 'refused',
  status: STATUS.NOT_ACCEPTED,
  notify: 'refused',
};

/** The result is handed over: the dossier is done. */
export const RETURNED_END: StepInput = {
  id: 'returned',
  kind: 'end',
  name: 'Trả kết quả',
  outcome: 'completed',
  status: STATUS.RESULT_RETURNED,
  notify: 'result',
};

/** The fee was not paid in time. */
export const CANCELLED_UNPAID_END: StepInput = {
  id: 'cancelled-unpaid',
  kind: 'end',
  name: 'Dừng xử lý do không nộp lệ phí',
  outcome: 'cancelled',
  status: STATUS.STOPPED,
  notify: 'cancelled-unpaid',
};

// Steps.

/** The applicant corrects the form through the link of the `supplement` message; then `next`. */
export function supplementStep(name: string, next: string): StepInput {
  return { id: 'supplement', kind: 'supplement', name, status: STATUS.SUPPLEMENT_REQUESTED, notify: 'supplement', next };
}

// Actions of tasks.

/** The receiver takes the dossier: the time limit starts and the applicant gets the appointment. */
export function acceptAction(next: string): TaskActionInput {
  return {
    id: 'accept',
    label: 'Tiếp nhận hồ sơ',
    next,
    style: 'primary',
    emitsStatus: STATUS.ACCEPTED,
    setsAppointment: true,
    notify: 'accepted',
  };
}

export const REQUEST_SUPPLEMENT: TaskActionInput = {
  id: 'request-supplement',
  label: 'Yêu cầu bổ sung',
  next: 'supplement',
  requires: ['reason'],
};

export const REFUSE_INTAKE: TaskActionInput = {
  id: 'refuse',
  label: 'Từ chối tiếp nhận',
  next: 'refused',
  requires: ['reason'],
  style: 'danger',
};

export const RETURN_TO_INTAKE: TaskActionInput = {
  id: 'return-to-intake',
  label: 'Trả về bộ phận tiếp nhận',
  next: 'intake',
  requires: ['reason'],
};

export const RETURN_TO_REVIEW: TaskActionInput = {
  id: 'return-to-review',
  label: 'Trả lại chuyên viên',
  next: 'review',
  requires: ['reason'],
};

/** The leader does not approve: the dossier ends at `rejected` with the reason. */
export const REJECT_APPROVAL: TaskActionInput = {
  id: 'reject',
  label: 'Không phê duyệt',
  next: 'rejected',
  requires: ['reason'],
  style: 'danger',
};

// Registry checks.

/** The applicant's identity in the national population database (fields fullName, citizenId, dateOfBirth). */
export const IDENTITY_CHECK: CheckInput = {
  id: 'identity',
  check: 'population.identity',
  label: 'Cơ sở dữ liệu quốc gia về dân cư',
  input: { citizenId: 'citizenId', fullName: 'fullName', dateOfBirth: 'dateOfBirth' },
};

/** The driving licence in the licence database (fields licenceNumber, licenceClass, citizenId). */
export const LICENCE_CHECK: CheckInput = {
  id: 'licence',
  check: 'driving-licence.record',
  label: 'Cơ sở dữ liệu giấy phép lái xe',
  input: { licenceNumber: 'licenceNumber', licenceClass: 'licenceClass', citizenId: 'citizenId' },
};

/** The enterprise in the national business register (field taxCode). */
export const ENTERPRISE_CHECK: CheckInput = {
  id: 'enterprise',
  check: 'business.registration',
  label: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
  input: { taxCode: 'taxCode' },
};
