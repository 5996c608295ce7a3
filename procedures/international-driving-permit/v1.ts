/**
 * Cấp giấy phép lái xe quốc tế — international driving permit (IDP) in the format of the 1968
 * Vienna Convention on Road Traffic, issued to a holder of a valid Vietnamese licence (PET or
 * electronic). Since 1 March 2025 the provincial police (Phòng Cảnh sát giao thông) handle
 * driving licences, so the IDP too; the applicant may file in any province.
 *
 * Facts and where they come from:
 * - 5 working days and 135.000 đ: the figures announced when IDPs were first issued (cand.com.vn,
 *   "Bắt đầu cấp giấy phép lái xe quốc tế từ ngày 1/3"); the same level as the driving-licence
 *   fee of Thông tư 37/2023/TT-BTC. That the 2023 circular still lists the IDP at 135.000 đ is
 *   chưa xác minh (the text was not retrieved); a reduced rate for online filing, if any, is not
 *   modelled.
 * - Validity: at most 3 years, and never beyond the domestic licence (Vienna Convention 1968,
 *   Annex 7; the 3-year limit confirmed by the same article). The format knows only a fixed number
 *   of years, so the permit prints "3 years" and a line saying it is void once the domestic
 *   licence expires; the form asks for the domestic licence's expiry date, which must be in the
 *   future (engine gap: the validity cannot be the earlier of two dates).
 * - National procedure code: not verified, so a local code is used.
 * - Circular 12/2025/TT-BCA as the police's implementing text: chưa xác minh (number and articles).
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { CITIZEN_ID, DATE_OF_BIRTH, EMAIL, FULL_NAME, PHONE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { CANCELLED_UNPAID_END, IDENTITY_CHECK, LICENCE_CHECK, REJECT_APPROVAL, REQUEST_SUPPLEMENT, RETURNED_END, RETURN_TO_INTAKE, RETURN_TO_REVIEW, acceptAction, supplementStep } from '../shared/steps';
import { LICENCE_CLASS_OPTIONS, MOTORCYCLE_CLASSES } from '../shared/driving-licence';

/** Classes issued without a term: their holders have no expiry date to declare. */
const NO_TERM_CLASSES = MOTORCYCLE_CLASSES;

export const internationalDrivingPermitV1: ProcedureInput = {
  code: 'GPLX-QT',
  version: 1,
  status: 'published',
  name: 'Cấp giấy phép lái xe quốc tế',
  field: 'Đường bộ – Giấy phép lái xe',
  level: 'province',
  agencyKind: 'driving-licence',
  handlingAgency: 'Phòng Cảnh sát giao thông – Công an cấp tỉnh',
  legalBasis: [
    'Công ước Viên năm 1968 về giao thông đường bộ',
    'Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15',
    'Thông tư số 12/2025/TT-BCA của Bộ Công an (chưa xác minh số hiệu, điều khoản)',
    'Thông tư số 37/2023/TT-BTC quy định mức thu lệ phí cấp giấy phép lái xe',
  ],
  onlineLevel: 'full',
  processingDays: 5,
  fees: [
    {
      id: 'le-phi-cap-gplx-quoc-te',
      label: 'Lệ phí cấp giấy phép lái xe quốc tế',
      amount: 135_000,
      legalBasis: 'Thông tư số 37/2023/TT-BTC (mức thu cho giấy phép lái xe quốc tế: chưa xác minh)',
    },
  ],
  documents: [
    { id: 'to-khai', name: 'Tờ khai đề nghị cấp giấy phép lái xe quốc tế (kê khai trực tuyến)' },
    {
      id: 'anh-chan-dung',
      name: 'Ảnh chân dung màu, nền trắng, chụp không quá 6 tháng',
      note: 'Kích thước theo hướng dẫn của cơ quan cấp (chưa xác minh); tải lên bản điện tử khi nộp trực tuyến',
    },
    {
      id: 'gplx-cccd',
      name: 'Giấy phép lái xe trong nước còn hiệu lực và căn cước',
      note: 'Nộp trực tuyến: được đối chiếu với cơ sở dữ liệu dân cư và cơ sở dữ liệu giấy phép lái xe, không cần bản sao',
    },
    {
      id: 'ho-chieu',
      name: 'Hộ chiếu còn thời hạn (bản chụp)',
      required: false,
      note: 'Để ghi đúng họ tên theo hộ chiếu khi cần (chưa xác minh là thành phần bắt buộc)',
    },
  ],
  form: {
    provinceField: 'province',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      FULL_NAME,
      CITIZEN_ID,
      DATE_OF_BIRTH,
      { name: 'licenceNumber', label: 'Số giấy phép lái xe trong nước', type: 'digits', length: 12, hint: '12 chữ số in trên giấy phép' },
      {
        name: 'licenceClass',
        label: 'Hạng giấy phép lái xe trong nước',
        type: 'select',
        options: LICENCE_CLASS_OPTIONS,
      },
      {
        name: 'licenceExpiry',
        label: 'Ngày hết hạn của giấy phép lái xe trong nước',
        type: 'date',
        dateRange: 'future',
        required: false,
        requiredWhen: { field: 'licenceClass', notIn: NO_TERM_CLASSES },
        hint: 'Giấy phép lái xe quốc tế không có giá trị sau ngày này; để trống nếu giấy phép không thời hạn (hạng A1, A, A2, A3, B1)',
      },
      {
        name: 'passportNumber',
        label: 'Số hộ chiếu',
        type: 'text',
        maxLength: 20,
        required: false,
        personal: true,
        hint: 'Không bắt buộc',
      },
      { name: 'province', label: 'Nơi nộp hồ sơ (tỉnh, thành phố)', type: 'select', optionsFrom: 'provinces' },
      PHONE,
      EMAIL,
    ],
  },
  numberingSchemes: {
    // Fictional layout: "QT", the province, the year, a sequence restarting each year and province.
    'gplx-quoc-te': { pattern: 'QT{province}{yy}{seq:6}' },
  },
  start: 'intake',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận hồ sơ',
      role: 'receiver',
      status: STATUS.REGISTERED,
      workingDays: 1,
      instructions:
        'Kiểm tra tờ khai và ảnh chân dung; tiếp nhận, yêu cầu bổ sung hoặc từ chối tiếp nhận. ' +
        'Khi hồ sơ trở lại từ bước đối chiếu, xem kết quả đối chiếu trước khi quyết định.',
      actions: [
        acceptAction('verify'),
        REQUEST_SUPPLEMENT,
        { id: 'refuse', label: 'Từ chối tiếp nhận', next: 'refused', requires: ['reason'], style: 'danger', notify: 'refused' },
      ],
    },
    supplementStep('Chờ công dân bổ sung hồ sơ', 'intake'),
    {
      id: 'verify',
      kind: 'check',
      name: 'Đối chiếu cơ sở dữ liệu',
      status: STATUS.IN_PROGRESS,
      checks: [IDENTITY_CHECK, LICENCE_CHECK],
      next: 'payment',
      onMismatch: 'intake',
    },
    {
      id: 'payment',
      kind: 'payment',
      name: 'Nộp lệ phí',
      status: STATUS.AWAITING_PAYMENT,
      fees: ['le-phi-cap-gplx-quoc-te'],
      notify: 'payment',
      next: 'review',
      onTimeout: 'cancelled-unpaid',
    },
    {
      id: 'review',
      kind: 'task',
      name: 'Thẩm định hồ sơ',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      workingDays: 3,
      instructions:
        'Xem kết quả đối chiếu: giấy phép trong nước phải còn hiệu lực (cơ sở dữ liệu ghi "đã hết hạn" là không đủ điều kiện, ' +
        'dù kết quả đối chiếu là khớp). Đề xuất cấp hoặc không cấp.',
      actions: [
        { id: 'propose-approval', label: 'Đề xuất cấp', next: 'approval', style: 'primary' },
        { id: 'propose-rejection', label: 'Đề xuất không cấp', next: 'approval', requires: ['reason'] },
        RETURN_TO_INTAKE,
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Phê duyệt',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      workingDays: 1,
      instructions: 'Xem đề xuất của chuyên viên; phê duyệt cấp, không phê duyệt hoặc trả lại.',
      actions: [
        { id: 'approve', label: 'Phê duyệt cấp', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        REJECT_APPROVAL,
        RETURN_TO_REVIEW,
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp giấy phép lái xe quốc tế',
      status: STATUS.PROCESSED,
      document: {
        template: 'certificate',
        title: 'Giấy phép lái xe quốc tế',
        subtitle: 'International Driving Permit – Công ước Viên năm 1968 về giao thông đường bộ',
        numbering: 'gplx-quoc-te',
        fields: [
          { label: 'Họ và tên / Name', value: '{{form.fullName}}' },
          { label: 'Ngày sinh / Date of birth', value: '{{form.dateOfBirth}}' },
          { label: 'Số căn cước', value: '{{form.citizenId}}' },
          { label: 'Giấy phép lái xe trong nước / Domestic permit', value: 'Số {{form.licenceNumber}}, hạng {{form.licenceClass}}' },
          {
            label: 'Điều kiện sử dụng / Validity',
            value:
              'Chỉ có giá trị kèm giấy phép lái xe trong nước còn hiệu lực; hết giá trị khi giấy phép lái xe trong nước hết hạn. ' +
              'Not valid beyond the expiry of the domestic permit.',
          },
        ],
        validity: { years: 3 },
      },
      next: 'returned',
    },
    RETURNED_END,
    { id: 'refused', kind: 'end', name: 'Từ chối tiếp nhận', outcome: 'refused', status: STATUS.NOT_ACCEPTED },
    { id: 'rejected', kind: 'end', name: 'Không cấp', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
    CANCELLED_UNPAID_END,
  ],
  notifications: {
    submitted: NOTICE.submitted,
    accepted: NOTICE.accepted,
    supplement: NOTICE.supplement,
    payment: {
      subject: 'Đề nghị nộp lệ phí hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nĐề nghị Ông/Bà nộp {{amount}} lệ phí cấp giấy phép lái xe quốc tế cho hồ sơ {{code}} ' +
        'trước {{paymentDeadline}} tại: {{paymentLink}}\nQuá hạn, hồ sơ sẽ bị dừng xử lý.',
    },
    refused: NOTICE.refused,
    rejected: {
      subject: 'Kết quả giải quyết hồ sơ {{code}}',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} không được cấp giấy phép lái xe quốc tế. Lý do: {{reason}}',
    },
    result: {
      subject: 'Đã có kết quả hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nGiấy phép lái xe quốc tế số {{number}} đã được cấp. Giấy phép chỉ có giá trị kèm ' +
        'giấy phép lái xe trong nước còn hiệu lực. Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
    'cancelled-unpaid': NOTICE['cancelled-unpaid'],
  },
};
