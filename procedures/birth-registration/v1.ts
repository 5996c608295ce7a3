/**
 * Đăng ký khai sinh — birth registration (national code 1.001193), at the People's Committee of
 * the commune or ward where a parent resides (Ủy ban nhân dân cấp xã), with no foreign element.
 *
 * Facts:
 * - Parents must register the birth within 60 days of it (Luật Hộ tịch 2014, Art. 15(1)).
 *   Verified. A registration after that is still this procedure ("quá hạn"), not "đăng ký lại".
 * - The commune officer registers and the chairman signs the same day; a dossier received after
 *   15:00 that cannot be settled at once is returned the next working day (Luật Hộ tịch,
 *   Art. 16). Verified. Expressed as 0 working days: the engine's office cut-off hour (15:00 by
 *   default) moves a later dossier to the next working day.
 * - No fee for a registration on time; a late one pays the civil-status fee the provincial
 *   People's Council sets (Thông tư 85/2019/TT-BTC). Persons of families with merit to the
 *   revolution, of poor households and persons with disabilities are exempt (Luật Hộ tịch,
 *   Art. 11). Verified. The amount (8.000 đ) is a common provincial figure: unverified, each
 *   province sets its own.
 *
 * A condition cannot compare the child's date of birth with today, so whether the registration
 * is late is the applicant's declaration (`registrationKind`), which the receiver checks against
 * the birth date before accepting: the fee is asked right after acceptance.
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { EMAIL, PHONE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { CANCELLED_UNPAID_END, IDENTITY_CHECK, REFUSED_END, REFUSE_INTAKE, REQUEST_SUPPLEMENT, RETURNED_END, acceptAction, supplementStep } from '../shared/steps';

const ON_TIME = 'dung-han';
const LATE = 'qua-han';
/** The father's lines are asked only when the father is determined. */
const IF_FATHER_KNOWN = { required: false, requiredWhen: { field: 'fatherKnown', in: ['co'] } };

export const birthRegistrationV1: ProcedureInput = {
  code: '1.001193',
  nationalCode: '1.001193',
  version: 1,
  status: 'published',
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  agencyKind: 'commune',
  handlingAgency: 'Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ',
  legalBasis: [
    'Luật Hộ tịch số 60/2014/QH13',
    'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
    'Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch',
    'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân cấp tỉnh',
  ],
  onlineLevel: 'full',
  processingDays: 0,
  fees: [
    {
      id: 'le-phi-ho-tich',
      label: 'Lệ phí đăng ký khai sinh (quá hạn)',
      legalBasis: 'Luật Hộ tịch, Điều 11; nghị quyết của Hội đồng nhân dân cấp tỉnh về lệ phí hộ tịch',
      // Nothing is due on time; 8.000 đ late is a common provincial amount (unverified).
      cases: [{ when: { field: 'registrationKind', in: [LATE] }, amount: 8_000 }],
      exemptions: [
        { when: { field: 'feeExemption', in: ['gia-dinh-co-cong'] }, label: 'Người thuộc gia đình có công với cách mạng' },
        { when: { field: 'feeExemption', in: ['ho-ngheo'] }, label: 'Người thuộc hộ nghèo' },
        { when: { field: 'feeExemption', in: ['khuyet-tat'] }, label: 'Người khuyết tật' },
      ],
    },
  ],
  documents: [
    {
      id: 'to-khai',
      name: 'Tờ khai đăng ký khai sinh',
      template: 'Mẫu tờ khai đăng ký khai sinh (Thông tư số 04/2020/TT-BTP)',
      note: 'Kê khai trực tuyến theo các trường của biểu mẫu',
    },
    {
      id: 'giay-chung-sinh',
      name: 'Giấy chứng sinh do cơ sở y tế cấp',
      requiredWhen: { field: 'birthProof', in: ['giay-chung-sinh'] },
    },
    {
      id: 'van-ban-lam-chung',
      name: 'Văn bản của người làm chứng xác nhận về việc sinh',
      requiredWhen: { field: 'birthProof', in: ['van-ban-lam-chung'] },
      note: 'Khi không có giấy chứng sinh',
    },
    {
      id: 'giay-cam-doan',
      name: 'Giấy cam đoan về việc sinh',
      requiredWhen: { field: 'birthProof', in: ['giay-cam-doan'] },
      note: 'Khi không có giấy chứng sinh và không có người làm chứng',
    },
    {
      id: 'giay-chung-nhan-ket-hon',
      name: 'Giấy chứng nhận kết hôn của cha, mẹ',
      required: false,
      note: 'Nếu cha, mẹ đã đăng ký kết hôn và dữ liệu chưa có trong cơ sở dữ liệu hộ tịch điện tử',
    },
    {
      id: 'giay-to-mien-le-phi',
      name: 'Giấy tờ chứng minh thuộc đối tượng được miễn lệ phí',
      required: false,
      requiredWhen: { all: [{ field: 'registrationKind', in: [LATE] }, { field: 'feeExemption', notIn: ['khong', ''] }] },
      note: 'Ví dụ giấy chứng nhận hộ nghèo, giấy xác nhận khuyết tật',
    },
  ],
  form: {
    communeField: 'commune',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      {
        name: 'commune',
        label: 'Nơi đăng ký khai sinh (xã, phường nơi cư trú của cha hoặc mẹ)',
        type: 'select',
        optionsFrom: 'communes',
      },
      // The applicant.
      { name: 'fullName', label: 'Họ và tên người đi đăng ký', type: 'text', maxLength: 100, personal: true },
      { name: 'citizenId', label: 'Số định danh cá nhân / CCCD của người đi đăng ký', type: 'citizen-id', personal: true },
      { name: 'dateOfBirth', label: 'Ngày sinh của người đi đăng ký', type: 'date', dateRange: 'past', personal: true },
      {
        name: 'relationship',
        label: 'Quan hệ với người được khai sinh',
        type: 'select',
        options: [
          { value: 'me', label: 'Mẹ' },
          { value: 'cha', label: 'Cha' },
          { value: 'ong-ba', label: 'Ông, bà' },
          { value: 'nguoi-than', label: 'Người thân thích khác' },
          { value: 'nguoi-nuoi-duong', label: 'Cá nhân, tổ chức đang nuôi dưỡng trẻ em' },
        ],
      },
      // The child.
      { name: 'childFullName', label: 'Họ, chữ đệm, tên của người được khai sinh', type: 'text', maxLength: 100, personal: true },
      { name: 'childGender', label: 'Giới tính', type: 'select', options: [{ value: 'Nam', label: 'Nam' }, { value: 'Nữ', label: 'Nữ' }] },
      { name: 'childDateOfBirth', label: 'Ngày, tháng, năm sinh', type: 'date', dateRange: 'past', personal: true },
      { name: 'childPlaceOfBirth', label: 'Nơi sinh', type: 'text', maxLength: 200, hint: 'Ví dụ: Bệnh viện Phụ sản Hà Nội' },
      { name: 'childEthnicity', label: 'Dân tộc', type: 'text', maxLength: 50 },
      { name: 'childNationality', label: 'Quốc tịch', type: 'text', maxLength: 50, hint: 'Việt Nam' },
      { name: 'childHometown', label: 'Quê quán', type: 'text', maxLength: 200 },
      {
        name: 'birthProof',
        label: 'Giấy tờ chứng minh việc sinh',
        type: 'select',
        options: [
          { value: 'giay-chung-sinh', label: 'Giấy chứng sinh' },
          { value: 'van-ban-lam-chung', label: 'Văn bản của người làm chứng' },
          { value: 'giay-cam-doan', label: 'Giấy cam đoan về việc sinh' },
        ],
      },
      // The mother, then the father (who may not be determined yet).
      { name: 'motherFullName', label: 'Họ và tên người mẹ', type: 'text', maxLength: 100, personal: true },
      { name: 'motherDateOfBirth', label: 'Ngày sinh của người mẹ', type: 'date', dateRange: 'past', personal: true },
      { name: 'motherEthnicity', label: 'Dân tộc của người mẹ', type: 'text', maxLength: 50 },
      { name: 'motherNationality', label: 'Quốc tịch của người mẹ', type: 'text', maxLength: 50 },
      { name: 'motherResidence', label: 'Nơi cư trú của người mẹ', type: 'text', maxLength: 200, personal: true },
      {
        name: 'fatherKnown',
        label: 'Thông tin người cha',
        type: 'select',
        options: [
          { value: 'co', label: 'Đã xác định được cha' },
          { value: 'khong', label: 'Chưa xác định được cha' },
        ],
      },
      { name: 'fatherFullName', label: 'Họ và tên người cha', type: 'text', maxLength: 100, personal: true, ...IF_FATHER_KNOWN },
      { name: 'fatherDateOfBirth', label: 'Ngày sinh của người cha', type: 'date', dateRange: 'past', personal: true, ...IF_FATHER_KNOWN },
      { name: 'fatherEthnicity', label: 'Dân tộc của người cha', type: 'text', maxLength: 50, ...IF_FATHER_KNOWN },
      { name: 'fatherNationality', label: 'Quốc tịch của người cha', type: 'text', maxLength: 50, ...IF_FATHER_KNOWN },
      { name: 'fatherResidence', label: 'Nơi cư trú của người cha', type: 'text', maxLength: 200, personal: true, ...IF_FATHER_KNOWN },
      // Whether the registration is late, as declared; the receiver checks it against the birth date.
      {
        name: 'registrationKind',
        label: 'Thời điểm đăng ký',
        type: 'select',
        options: [
          { value: ON_TIME, label: 'Trong 60 ngày kể từ ngày sinh (đúng hạn, miễn lệ phí)' },
          { value: LATE, label: 'Sau 60 ngày kể từ ngày sinh (quá hạn)' },
        ],
      },
      {
        name: 'feeExemption',
        label: 'Đối tượng miễn lệ phí',
        type: 'select',
        required: false,
        requiredWhen: { field: 'registrationKind', in: [LATE] },
        options: [
          { value: 'khong', label: 'Không thuộc đối tượng miễn lệ phí' },
          { value: 'gia-dinh-co-cong', label: 'Người được khai sinh thuộc gia đình có công với cách mạng' },
          { value: 'ho-ngheo', label: 'Người được khai sinh thuộc hộ nghèo' },
          { value: 'khuyet-tat', label: 'Người được khai sinh là người khuyết tật' },
        ],
        hint: 'Chỉ cần chọn khi đăng ký quá hạn',
      },
      PHONE,
      { ...EMAIL, required: false },
    ],
  },
  numberingSchemes: {
    // The number in the commune's birth register for the year; the commune code keeps each
    // commune's sequence apart (a sequence restarts for every distinct prefix).
    'giay-khai-sinh': { pattern: '{seq:4}/{yyyy}/KS-{commune}' },
  },
  start: 'verify',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'verify',
      kind: 'check',
      name: 'Đối chiếu thông tin người đi đăng ký',
      checks: [IDENTITY_CHECK],
      next: 'intake',
      onMismatch: 'mismatch-route',
    },
    {
      id: 'mismatch-route',
      kind: 'branch',
      name: 'Phân loại kết quả đối chiếu',
      // The registry could not answer: the receiver checks the identity papers by hand.
      cases: [{ when: { check: 'identity', outcome: 'error' }, next: 'intake' }],
      otherwise: 'intake-mismatch',
    },
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận hồ sơ',
      role: 'receiver',
      status: STATUS.REGISTERED,
      instructions:
        'Kiểm tra tờ khai, giấy tờ chứng minh việc sinh và kết quả đối chiếu. Đối chiếu ngày sinh của trẻ với ' +
        '"Thời điểm đăng ký": quá 60 ngày mà kê khai đúng hạn (hoặc ngược lại) thì yêu cầu bổ sung trước khi ' +
        'tiếp nhận, vì lệ phí được tính ngay sau khi tiếp nhận.',
      actions: [acceptAction('payment'), REQUEST_SUPPLEMENT, REFUSE_INTAKE],
    },
    {
      id: 'intake-mismatch',
      kind: 'task',
      name: 'Tiếp nhận hồ sơ – thông tin không khớp',
      role: 'receiver',
      status: STATUS.REGISTERED,
      instructions:
        'Thông tin của người đi đăng ký không khớp với Cơ sở dữ liệu quốc gia về dân cư. Yêu cầu sửa thông tin ' +
        'hoặc từ chối tiếp nhận, nêu rõ lý do.',
      actions: [
        { id: 'request-supplement', label: 'Yêu cầu sửa thông tin', next: 'supplement', requires: ['reason'], style: 'primary' },
        REFUSE_INTAKE,
      ],
    },
    supplementStep('Chờ bổ sung hồ sơ', 'verify'),
    {
      id: 'payment',
      kind: 'payment',
      name: 'Nộp lệ phí',
      status: STATUS.AWAITING_PAYMENT,
      fees: ['le-phi-ho-tich'],
      notify: 'payment',
      next: 'review',
      onTimeout: 'cancelled-unpaid',
    },
    {
      id: 'review',
      kind: 'task',
      name: 'Ghi sổ hộ tịch, trình ký',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      instructions:
        'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi vào Sổ đăng ký khai sinh và cơ sở dữ liệu hộ tịch điện tử, ' +
        'trình Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh.',
      actions: [
        { id: 'propose', label: 'Trình ký Giấy khai sinh', next: 'approval', style: 'primary' },
        // A supplement here returns to this step, not to intake, so the fee is never asked twice.
        { id: 'request-supplement', label: 'Yêu cầu bổ sung', next: 'supplement-review', requires: ['reason'] },
        { id: 'propose-refusal', label: 'Đề xuất không đăng ký', next: 'approval', requires: ['reason'] },
      ],
    },
    {
      id: 'supplement-review',
      kind: 'supplement',
      name: 'Chờ bổ sung hồ sơ',
      status: STATUS.SUPPLEMENT_REQUESTED,
      notify: 'supplement',
      next: 'review',
      // Not the applicant's identity (already checked) nor what the fee depends on (already paid).
      editableFields: [
        'childFullName',
        'childGender',
        'childDateOfBirth',
        'childPlaceOfBirth',
        'childEthnicity',
        'childNationality',
        'childHometown',
        'birthProof',
        'motherFullName',
        'motherDateOfBirth',
        'motherEthnicity',
        'motherNationality',
        'motherResidence',
        'fatherKnown',
        'fatherFullName',
        'fatherDateOfBirth',
        'fatherEthnicity',
        'fatherNationality',
        'fatherResidence',
        'phone',
        'email',
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Ký Giấy khai sinh',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      instructions: 'Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh, hoặc không đồng ý và nêu lý do.',
      actions: [
        { id: 'approve', label: 'Ký Giấy khai sinh', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        { id: 'reject', label: 'Không đăng ký', next: 'rejected', requires: ['reason'], style: 'danger' },
        { id: 'return-to-review', label: 'Trả lại công chức hộ tịch', next: 'review', requires: ['reason'] },
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp Giấy khai sinh',
      status: STATUS.PROCESSED,
      document: {
        template: 'certificate',
        title: 'Giấy khai sinh',
        subtitle: '(Bản chính – bản điện tử)',
        numbering: 'giay-khai-sinh',
        // The father's lines are left out when he is not determined (a line whose values are all empty).
        fields: [
          { label: 'Họ, chữ đệm, tên', value: '{{form.childFullName}}' },
          { label: 'Ngày, tháng, năm sinh', value: '{{form.childDateOfBirth}}' },
          { label: 'Giới tính', value: '{{form.childGender}}' },
          { label: 'Dân tộc', value: '{{form.childEthnicity}}' },
          { label: 'Quốc tịch', value: '{{form.childNationality}}' },
          { label: 'Nơi sinh', value: '{{form.childPlaceOfBirth}}' },
          { label: 'Quê quán', value: '{{form.childHometown}}' },
          { label: 'Họ, chữ đệm, tên người mẹ', value: '{{form.motherFullName}}' },
          { label: 'Ngày sinh của người mẹ', value: '{{form.motherDateOfBirth}}' },
          { label: 'Dân tộc của người mẹ', value: '{{form.motherEthnicity}}' },
          { label: 'Quốc tịch của người mẹ', value: '{{form.motherNationality}}' },
          { label: 'Nơi cư trú của người mẹ', value: '{{form.motherResidence}}' },
          { label: 'Họ, chữ đệm, tên người cha', value: '{{form.fatherFullName}}' },
          { label: 'Ngày sinh của người cha', value: '{{form.fatherDateOfBirth}}' },
          { label: 'Dân tộc của người cha', value: '{{form.fatherEthnicity}}' },
          { label: 'Quốc tịch của người cha', value: '{{form.fatherNationality}}' },
          { label: 'Nơi cư trú của người cha', value: '{{form.fatherResidence}}' },
          { label: 'Người đi đăng ký khai sinh', value: '{{form.fullName}}' },
        ],
      },
      next: 'returned',
    },
    RETURNED_END,
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Không đăng ký khai sinh', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
    CANCELLED_UNPAID_END,
  ],
  notifications: {
    submitted: NOTICE.submitted,
    accepted: NOTICE.accepted,
    supplement: NOTICE.supplement,
    payment: {
      subject: 'Đề nghị nộp lệ phí hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nViệc đăng ký khai sinh quá hạn phải nộp lệ phí. Đề nghị Ông/Bà nộp {{amount}} cho hồ sơ ' +
        '{{code}} trước {{paymentDeadline}} tại: {{paymentLink}}\nQuá hạn, hồ sơ sẽ bị dừng xử lý.',
    },
    refused: NOTICE.refused,
    rejected: NOTICE.rejected,
    result: {
      subject: 'Đã có Giấy khai sinh – hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nGiấy khai sinh số {{number}} đã được cấp. Bản điện tử: {{resultLink}}. ' +
        'Tra cứu: {{lookupLink}}.',
    },
    'cancelled-unpaid': NOTICE['cancelled-unpaid'],
  },
};
