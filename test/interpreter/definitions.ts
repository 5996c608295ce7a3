/**
 * Small definitions made for one behaviour each, beside the shipped ones and the engine sample
 * (test/fixtures/engine-sample.ts). Forms are the sample's, so one `sampleForm` fills them all.
 */
import { STATUS } from '../../domain/portal-status';
import type { ProcedureInput } from '../../engine/definition';
import { engineSample } from '../fixtures/engine-sample';

/** A valid form for the engine sample and the definitions below. */
export function sampleForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    fullName: 'Phạm Thị Thu Hà',
    citizenId: '031188007310',
    dateOfBirth: '1988-05-30',
    province: '01',
    email: 'ha@example.vn',
    category: 'thuong',
    livedAbroad: 'khong',
    copies: '1',
    ...over,
  };
}

/** One appraisal of ten working days, then the end: nothing but the clock. */
export const tenDayAppraisal: ProcedureInput = {
  ...engineSample,
  code: 'TEST-TEN-DAYS',
  processingDays: 10,
  processingRules: [],
  fees: [],
  numberingSchemes: {},
  start: 'appraisal',
  steps: [
    {
      id: 'appraisal',
      kind: 'task',
      name: 'Thẩm định',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      workingDays: 10,
      actions: [{ id: 'finish', label: 'Hoàn thành', next: 'done' }],
    },
    { id: 'done', kind: 'end', name: 'Trả kết quả', outcome: 'completed', status: STATUS.RESULT_RETURNED },
  ],
};

/** Intake that may ask for a supplement in which only the copies and the e-mail may change. */
export const narrowSupplement: ProcedureInput = {
  ...engineSample,
  code: 'TEST-SUPPLEMENT',
  processingRules: [],
  fees: [],
  numberingSchemes: {},
  start: 'intake',
  steps: [
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận',
      role: 'receiver',
      status: STATUS.REGISTERED,
      workingDays: 1,
      actions: [
        { id: 'accept', label: 'Tiếp nhận', next: 'done', emitsStatus: STATUS.ACCEPTED },
        { id: 'request-supplement', label: 'Yêu cầu bổ sung', next: 'supplement', requires: ['reason'] },
      ],
    },
    {
      id: 'supplement',
      kind: 'supplement',
      name: 'Chờ bổ sung',
      status: STATUS.SUPPLEMENT_REQUESTED,
      editableFields: ['copies', 'email'],
      next: 'intake',
    },
    { id: 'done', kind: 'end', name: 'Trả kết quả', outcome: 'completed', status: STATUS.RESULT_RETURNED },
  ],
};
