/**
 * Cấp lại thẻ bảo hiểm y tế do bị mất, hỏng — reissue of a lost or damaged health-insurance
 * card, at the provincial social-insurance agency (legacy catalogue code B-BXH-216813-TT).
 *
 * Facts (see ../../../shared/context/domain-rules.md):
 * - Handled by the provincial social insurance (Bảo hiểm xã hội cấp tỉnh) one-stop unit; an
 *   employee may also go through the employer (Bảng kê D01-TS), which this online flow does not
 *   model: the participant files herself with the declaration form TK1-TS. Verified (BHXH Việt
 *   Nam answers to readers quoting Quyết định 595/QĐ-BHXH).
 * - Time limit: the same day when no information on the card changes; no more than 3 working
 *   days when it does (Quyết định 595/QĐ-BHXH, Art. 30(2), as amended). Verified.
 * - No fee (the fee for a reissued card was dropped from the Law on Health Insurance in 2014).
 *   Verified from BHXH Việt Nam's published answers; the legal article was not re-read.
 * - An expired card can still be reissued; a revoked card, or a code that belongs to another
 *   person, cannot (the 'social-insurance.card' check says so).
 *
 * The reissued card keeps the holder's social-insurance code and the validity of the old card.
 * The engine's result validity counts from the day of issue (years or months, at most capped
 * by a form date), and a certificate line cannot read a registry answer, so the specialist
 * copies the card's validity and primary-care provider from the check's facts into action
 * inputs, and the certificate prints them. The result number is the serial of the new card
 * blank (số phôi thẻ): its format here is illustrative (unverified).
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { DATE_OF_BIRTH, EMAIL, FULL_NAME, PHONE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { IDENTITY_CHECK, REFUSED_END, REFUSE_INTAKE, REJECT_APPROVAL, REQUEST_SUPPLEMENT, RETURNED_END, RETURN_TO_INTAKE, RETURN_TO_REVIEW, acceptAction, supplementStep } from '../shared/steps';

export const healthInsuranceCardReissueV1: ProcedureInput = {
  code: 'B-BXH-216813-TT',
  version: 1,
  status: 'published',
  name: 'Cấp lại thẻ bảo hiểm y tế do bị mất, hỏng',
  field: 'Thu – Sổ, thẻ bảo hiểm y tế',
  level: 'province',
  agencyKind: 'social-insurance',
  handlingAgency: 'Bảo hiểm xã hội tỉnh, thành phố',
  legalBasis: [
    'Luật Bảo hiểm y tế số 25/2008/QH12, sửa đổi, bổ sung bởi Luật số 46/2014/QH13 và Luật số 51/2024/QH15',
    'Quyết định số 595/QĐ-BHXH ngày 14/4/2017 của Bảo hiểm xã hội Việt Nam ban hành Quy trình thu BHXH, BHYT, BHTN, BHTNLĐ-BNN; quản lý sổ BHXH, thẻ BHYT (đã được sửa đổi, bổ sung)',
  ],
  onlineLevel: 'full',
  // Same day (after the office's cut-off hour: the next working day) when nothing changes.
  processingDays: 0,
  processingRules: [
    { when: { field: 'infoChange', in: ['co'] }, days: 3, note: 'Có thay đổi thông tin trên thẻ' },
  ],
  // No fee or charge for a reissued card.
  fees: [],
  documents: [
    {
      id: 'to-khai-tk1-ts',
      name: 'Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế',
      template: 'Mẫu TK1-TS',
      note: 'Kê khai trực tuyến theo các trường của biểu mẫu',
    },
    {
      id: 'giay-to-thay-doi',
      name: 'Giấy tờ làm căn cứ điều chỉnh thông tin trên thẻ',
      requiredWhen: { field: 'infoChange', in: ['co'] },
      note: 'Chỉ khi đề nghị thay đổi thông tin (họ tên, ngày sinh, nơi đăng ký khám chữa bệnh ban đầu…)',
    },
    {
      id: 'the-cu',
      name: 'Thẻ bảo hiểm y tế bị hỏng',
      requiredWhen: { field: 'reason', in: ['hong'] },
      note: 'Nộp lại thẻ cũ khi nhận thẻ mới',
    },
  ],
  form: {
    provinceField: 'province',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      FULL_NAME,
      { name: 'citizenId', label: 'Số định danh cá nhân / CCCD', type: 'citizen-id', personal: true, hint: '12 chữ số' },
      DATE_OF_BIRTH,
      {
        name: 'insuranceCode',
        label: 'Mã số bảo hiểm xã hội',
        type: 'digits',
        length: 10,
        personal: true,
        hint: '10 chữ số in trên thẻ hoặc tra trên ứng dụng VssID',
      },
      {
        name: 'reason',
        label: 'Lý do cấp lại',
        type: 'select',
        options: [
          { value: 'mat', label: 'Thẻ bị mất' },
          { value: 'hong', label: 'Thẻ bị hỏng (rách, nát, mờ thông tin)' },
        ],
      },
      {
        name: 'infoChange',
        label: 'Đề nghị thay đổi thông tin trên thẻ',
        type: 'select',
        options: [
          { value: 'khong', label: 'Không thay đổi thông tin (trả thẻ trong ngày)' },
          { value: 'co', label: 'Có thay đổi thông tin (không quá 03 ngày làm việc)' },
        ],
      },
      {
        name: 'changeDetails',
        label: 'Nội dung đề nghị thay đổi',
        type: 'textarea',
        maxLength: 500,
        required: false,
        requiredWhen: { field: 'infoChange', in: ['co'] },
        hint: 'Ví dụ: đổi nơi đăng ký khám chữa bệnh ban đầu sang Bệnh viện Thanh Nhàn',
      },
      { name: 'province', label: 'Cơ quan bảo hiểm xã hội nơi nộp hồ sơ (tỉnh, thành phố)', type: 'select', optionsFrom: 'provinces' },
      { name: 'address', label: 'Địa chỉ liên hệ', type: 'textarea', maxLength: 300, required: false, personal: true },
      PHONE,
      { ...EMAIL, required: false },
    ],
  },
  numberingSchemes: {
    // Serial of the new card blank: "TBH", province, two-digit year, seven digits (illustrative).
    'so-phoi-the': { pattern: 'TBH{province}{yy}{seq:7}' },
  },
  // The registries are consulted before intake, so the receiver decides with their answer.
  start: 'verify',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'verify',
      kind: 'check',
      name: 'Đối chiếu cơ sở dữ liệu',
      checks: [
        IDENTITY_CHECK,
        {
          id: 'card',
          check: 'social-insurance.card',
          label: 'Cơ sở dữ liệu quốc gia về bảo hiểm',
          input: { insuranceCode: 'insuranceCode', citizenId: 'citizenId' },
        },
      ],
      next: 'intake',
      onMismatch: 'mismatch-route',
    },
    {
      id: 'mismatch-route',
      kind: 'branch',
      name: 'Phân loại kết quả đối chiếu',
      // A registry that could not answer is no contradiction: the receiver verifies by hand.
      cases: [
        {
          when: { not: { any: [{ check: 'identity', outcome: 'mismatch' }, { check: 'card', outcome: 'mismatch' }] } },
          next: 'intake',
        },
      ],
      otherwise: 'intake-mismatch',
    },
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận hồ sơ',
      role: 'receiver',
      status: STATUS.REGISTERED,
      instructions:
        'Kiểm tra tờ khai TK1-TS và kết quả đối chiếu cơ sở dữ liệu; nếu cơ sở dữ liệu không trả lời được, ' +
        'đối chiếu thủ công trước khi tiếp nhận. Thẻ đã hết hạn vẫn được cấp lại.',
      actions: [acceptAction('review'), REQUEST_SUPPLEMENT, REFUSE_INTAKE],
    },
    {
      id: 'intake-mismatch',
      kind: 'task',
      name: 'Tiếp nhận hồ sơ – thông tin không khớp',
      role: 'receiver',
      status: STATUS.REGISTERED,
      instructions:
        'Thông tin kê khai không khớp với cơ sở dữ liệu (mã số BHXH không thuộc người kê khai, thẻ đã bị thu hồi, ' +
        'hoặc họ tên, ngày sinh không khớp). Yêu cầu công dân sửa thông tin hoặc từ chối tiếp nhận, nêu rõ lý do.',
      actions: [
        { id: 'request-supplement', label: 'Yêu cầu sửa thông tin', next: 'supplement', requires: ['reason'], style: 'primary' },
        REFUSE_INTAKE,
      ],
    },
    supplementStep('Chờ công dân bổ sung hồ sơ', 'verify'),
    {
      id: 'review',
      kind: 'task',
      name: 'Xử lý, in thẻ',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      instructions:
        'Đối chiếu tờ khai với dữ liệu thẻ; điều chỉnh thông tin nếu có đề nghị. Ghi giá trị sử dụng và nơi đăng ký ' +
        'khám chữa bệnh ban đầu của thẻ theo kết quả đối chiếu (sau điều chỉnh, nếu có), rồi trình ký.',
      actions: [
        {
          id: 'propose-reissue',
          label: 'Trình cấp lại thẻ',
          next: 'approval',
          style: 'primary',
          inputs: [
            { name: 'hospital', label: 'Nơi đăng ký khám chữa bệnh ban đầu', type: 'text', maxLength: 150 },
            { name: 'cardValidFrom', label: 'Thẻ có giá trị sử dụng từ ngày', type: 'date' },
            { name: 'cardValidTo', label: 'Thẻ có giá trị sử dụng đến ngày', type: 'date' },
          ],
        },
        { id: 'propose-refusal', label: 'Đề xuất không cấp lại', next: 'approval', requires: ['reason'] },
        RETURN_TO_INTAKE,
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Phê duyệt',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      instructions: 'Xem đề xuất của chuyên viên; phê duyệt cấp lại thẻ, không phê duyệt hoặc trả lại.',
      actions: [
        { id: 'approve', label: 'Phê duyệt cấp lại thẻ', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        REJECT_APPROVAL,
        RETURN_TO_REVIEW,
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp lại thẻ bảo hiểm y tế',
      status: STATUS.PROCESSED,
      document: {
        template: 'certificate',
        title: 'Thẻ bảo hiểm y tế',
        subtitle: '(Cấp lại – bản điện tử)',
        numbering: 'so-phoi-the',
        fields: [
          { label: 'Mã số bảo hiểm xã hội', value: '{{form.insuranceCode}}' },
          { label: 'Họ và tên', value: '{{form.fullName}}' },
          { label: 'Ngày sinh', value: '{{form.dateOfBirth}}' },
          { label: 'Nơi đăng ký khám chữa bệnh ban đầu', value: '{{inputs.hospital}}' },
          { label: 'Giá trị sử dụng', value: 'Từ {{inputs.cardValidFrom}} đến {{inputs.cardValidTo}}' },
          { label: 'Lý do cấp lại', value: '{{form.reason}}' },
          { label: 'Số phôi thẻ', value: '{{number}}' },
        ],
      },
      next: 'returned',
    },
    RETURNED_END,
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Không cấp lại thẻ', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
  ],
  notifications: {
    submitted: NOTICE.submitted,
    accepted: {
      subject: 'Hồ sơ {{code}} đã được tiếp nhận',
      body:
        'Kính gửi {{name}},\n\nHồ sơ {{code}} đã được tiếp nhận. Ngày hẹn trả thẻ: {{appointment}}. ' +
        'Trong thời gian chờ cấp lại thẻ, Ông/Bà vẫn được hưởng quyền lợi bảo hiểm y tế. Tra cứu: {{lookupLink}}.',
    },
    supplement: NOTICE.supplement,
    refused: NOTICE.refused,
    rejected: NOTICE.rejected,
    result: {
      subject: 'Đã có thẻ bảo hiểm y tế cấp lại – hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nThẻ bảo hiểm y tế của Ông/Bà đã được cấp lại (số phôi {{number}}). ' +
        'Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
  },
};
