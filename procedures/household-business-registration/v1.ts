/**
 * Đăng ký thành lập hộ kinh doanh — registration of a household business, at the commune where
 * it has its seat.
 *
 * Facts:
 * - Since 3 July 2025 the five household-business procedures are handled by the commune-level
 *   business registration body (Quyết định 2353/QĐ-BTC), instead of the district finance and
 *   planning office: verified. That this body is the economic unit of the commune People's
 *   Committee (Phòng Kinh tế / Phòng Kinh tế, Hạ tầng và Đô thị) is unverified; the dossier
 *   goes to the commune People's Committee (agency kind 'commune').
 * - 3 working days from a complete, valid dossier: verified (same source).
 * - Fee set by the provincial People's Council (Thông tư 85/2019/TT-BTC), paid on filing and
 *   not refunded when registration is refused (verified for the reissue procedure of the same
 *   group). 100.000 đ is a common amount: unverified. Several provinces waive it for online
 *   filing; the form carries no channel, so that waiver is not expressed.
 * - The commune asks the tax authority of the province for the household's tax code through
 *   the interconnected system (liên thông) while its specialist reviews the dossier; the
 *   certificate carries the tax code. A 10-digit code as in the business registry (household
 *   codes start with 8); whether the owner's personal identification number now serves as
 *   the tax code (Thông tư 86/2024/TT-BTC) is unverified.
 * - National catalogue code not verified (1.001612 is believed to be it): a local code is used.
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { EMAIL, PHONE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { CANCELLED_UNPAID_END, IDENTITY_CHECK, REFUSED_END, REFUSE_INTAKE, REJECT_APPROVAL, REQUEST_SUPPLEMENT, RETURNED_END, RETURN_TO_REVIEW, acceptAction, supplementStep } from '../shared/steps';

export const householdBusinessRegistrationV1: ProcedureInput = {
  code: 'HKD-THANH-LAP',
  version: 1,
  status: 'published',
  name: 'Đăng ký thành lập hộ kinh doanh',
  field: 'Thành lập và hoạt động của hộ kinh doanh',
  level: 'commune',
  agencyKind: 'commune',
  handlingAgency: 'Cơ quan đăng ký kinh doanh cấp xã (Ủy ban nhân dân xã, phường nơi đặt trụ sở hộ kinh doanh)',
  legalBasis: [
    'Luật Doanh nghiệp số 59/2020/QH14',
    'Nghị định về đăng ký doanh nghiệp và đăng ký hộ kinh doanh (Nghị định số 01/2021/NĐ-CP và văn bản thay thế)',
    'Quyết định số 2353/QĐ-BTC năm 2025 công bố thủ tục hành chính về hộ kinh doanh phân cấp cho cấp xã',
    'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân cấp tỉnh',
  ],
  onlineLevel: 'full',
  processingDays: 3,
  fees: [
    {
      id: 'le-phi-dang-ky-hkd',
      label: 'Lệ phí đăng ký hộ kinh doanh',
      legalBasis: 'Nghị quyết của Hội đồng nhân dân cấp tỉnh về lệ phí đăng ký kinh doanh',
      // A common provincial amount (unverified); not refunded if registration is refused.
      amount: 100_000,
    },
  ],
  documents: [
    { id: 'giay-de-nghi', name: 'Giấy đề nghị đăng ký hộ kinh doanh', note: 'Kê khai trực tuyến theo các trường của biểu mẫu' },
    {
      id: 'giay-to-phap-ly-ca-nhan',
      name: 'Giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh và thành viên hộ gia đình đăng ký hộ kinh doanh',
      note: 'Nộp trực tuyến: số định danh cá nhân được đối chiếu với cơ sở dữ liệu, không cần bản sao',
    },
    {
      id: 'bien-ban-hop',
      name: 'Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh',
      requiredWhen: { field: 'founderKind', in: ['ho-gia-dinh'] },
    },
    {
      id: 'van-ban-uy-quyen',
      name: 'Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
      requiredWhen: { field: 'founderKind', in: ['ho-gia-dinh'] },
    },
  ],
  form: {
    communeField: 'commune',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      { name: 'commune', label: 'Xã, phường nơi đặt trụ sở hộ kinh doanh', type: 'select', optionsFrom: 'communes' },
      // The owner (chủ hộ kinh doanh).
      { name: 'fullName', label: 'Họ và tên chủ hộ kinh doanh', type: 'text', maxLength: 100, personal: true },
      { name: 'citizenId', label: 'Số định danh cá nhân / CCCD của chủ hộ', type: 'citizen-id', personal: true },
      { name: 'dateOfBirth', label: 'Ngày sinh của chủ hộ', type: 'date', dateRange: 'past', personal: true },
      { name: 'ownerResidence', label: 'Nơi cư trú của chủ hộ', type: 'text', maxLength: 200, personal: true },
      {
        name: 'founderKind',
        label: 'Hộ kinh doanh do',
        type: 'select',
        options: [
          { value: 'ca-nhan', label: 'Một cá nhân thành lập' },
          { value: 'ho-gia-dinh', label: 'Các thành viên hộ gia đình thành lập' },
        ],
      },
      {
        name: 'familyMembers',
        label: 'Thành viên hộ gia đình tham gia đăng ký (họ tên, số định danh cá nhân)',
        type: 'textarea',
        maxLength: 1000,
        required: false,
        requiredWhen: { field: 'founderKind', in: ['ho-gia-dinh'] },
        personal: true,
      },
      // The business.
      { name: 'businessName', label: 'Tên hộ kinh doanh', type: 'text', maxLength: 150, hint: 'Gồm cụm từ "Hộ kinh doanh" và tên riêng' },
      { name: 'businessAddress', label: 'Địa chỉ trụ sở hộ kinh doanh', type: 'text', maxLength: 300 },
      { name: 'businessLines', label: 'Ngành, nghề kinh doanh', type: 'textarea', maxLength: 1000 },
      { name: 'capital', label: 'Vốn kinh doanh (đồng)', type: 'number', min: 0 },
      { name: 'employees', label: 'Số lượng lao động dự kiến', type: 'number', min: 0, max: 10_000, required: false },
      PHONE,
      { ...EMAIL, required: false },
    ],
  },
  numberingSchemes: {
    // Modelled on the district-era registration number: place code, "A", type digit 8 for a
    // household business, six-digit sequence; here the commune code (unverified format).
    'giay-chung-nhan-hkd': { pattern: '{commune}A8{seq:6}' },
  },
  start: 'verify',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'verify',
      kind: 'check',
      name: 'Đối chiếu thông tin chủ hộ',
      checks: [IDENTITY_CHECK],
      next: 'intake',
      onMismatch: 'mismatch-route',
    },
    {
      id: 'mismatch-route',
      kind: 'branch',
      name: 'Phân loại kết quả đối chiếu',
      cases: [{ when: { check: 'identity', outcome: 'error' }, next: 'intake' }],
      otherwise: 'intake-mismatch',
    },
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận hồ sơ',
      role: 'receiver',
      status: STATUS.REGISTERED,
      workingDays: 1,
      instructions:
        'Kiểm tra tính đầy đủ, hợp lệ của hồ sơ (tên hộ kinh doanh, ngành nghề, trụ sở); yêu cầu bổ sung ở bước này, ' +
        'vì lệ phí được thu ngay sau khi tiếp nhận.',
      actions: [acceptAction('payment'), REQUEST_SUPPLEMENT, REFUSE_INTAKE],
    },
    {
      id: 'intake-mismatch',
      kind: 'task',
      name: 'Tiếp nhận hồ sơ – thông tin không khớp',
      role: 'receiver',
      status: STATUS.REGISTERED,
      instructions:
        'Thông tin chủ hộ không khớp với Cơ sở dữ liệu quốc gia về dân cư. Yêu cầu sửa thông tin hoặc từ chối tiếp nhận.',
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
      fees: ['le-phi-dang-ky-hkd'],
      notify: 'payment',
      next: 'consult',
      onTimeout: 'cancelled-unpaid',
    },
    {
      id: 'consult',
      kind: 'parallel',
      name: 'Thẩm định và liên thông cấp mã số thuế',
      status: STATUS.IN_PROGRESS,
      branches: [
        { id: 'tax', name: 'Cơ quan thuế cấp mã số thuế', start: 'tax-registration' },
        { id: 'commune', name: 'Cơ quan đăng ký kinh doanh cấp xã thẩm định', start: 'review' },
      ],
      next: 'approval',
    },
    {
      id: 'tax-registration',
      kind: 'task',
      name: 'Cấp mã số thuế cho hộ kinh doanh',
      role: 'specialist',
      agencyKind: 'tax',
      workingDays: 2,
      instructions:
        'Kiểm tra thông tin chủ hộ (mỗi cá nhân chỉ được đăng ký một hộ kinh doanh), cấp mã số thuế cho hộ kinh doanh ' +
        'và trả cho cơ quan đăng ký kinh doanh cấp xã; nếu không cấp được, nêu rõ lý do.',
      actions: [
        {
          id: 'register',
          label: 'Cấp mã số thuế',
          next: 'approval',
          style: 'primary',
          inputs: [{ name: 'taxCode', label: 'Mã số thuế của hộ kinh doanh', type: 'digits', length: 10, hint: '10 chữ số' }],
        },
        { id: 'decline', label: 'Không cấp được mã số thuế', next: 'tax-declined', requires: ['reason'], style: 'danger' },
      ],
    },
    {
      id: 'tax-declined',
      kind: 'task',
      name: 'Xem xét ý kiến của cơ quan thuế',
      role: 'leader',
      instructions:
        'Cơ quan thuế không cấp được mã số thuế (lý do ở ghi chú chuyển bước). Từ chối đăng ký hộ kinh doanh, ' +
        'hoặc đề nghị cơ quan thuế xem xét lại sau khi đã làm rõ thông tin.',
      actions: [
        { id: 'reject', label: 'Từ chối đăng ký hộ kinh doanh', next: 'rejected', requires: ['reason'], style: 'danger' },
        { id: 'ask-again', label: 'Đề nghị cơ quan thuế xem xét lại', next: 'tax-registration', requires: ['reason'] },
      ],
    },
    {
      id: 'review',
      kind: 'task',
      name: 'Thẩm định hồ sơ',
      role: 'specialist',
      workingDays: 2,
      instructions:
        'Thẩm định tên hộ kinh doanh (không trùng trên địa bàn), ngành, nghề kinh doanh không bị cấm, ' +
        'trụ sở hộ kinh doanh; đề xuất cấp hoặc không cấp Giấy chứng nhận.',
      actions: [
        { id: 'propose-approval', label: 'Đề xuất cấp Giấy chứng nhận', next: 'approval', style: 'primary' },
        { id: 'propose-refusal', label: 'Đề xuất không cấp', next: 'approval', requires: ['reason'] },
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Phê duyệt',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      // No share of its own (was 0.5): shares are whole days until working hours come, and intake (1) and
      // the consultation (2) already take the 3 days.
      instructions:
        'Xem đề xuất của chuyên viên và mã số thuế do cơ quan thuế cấp; phê duyệt cấp Giấy chứng nhận, ' +
        'không phê duyệt hoặc trả lại chuyên viên.',
      actions: [
        { id: 'approve', label: 'Phê duyệt cấp Giấy chứng nhận', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        REJECT_APPROVAL,
        RETURN_TO_REVIEW,
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp Giấy chứng nhận đăng ký hộ kinh doanh',
      status: STATUS.PROCESSED,
      document: {
        template: 'certificate',
        title: 'Giấy chứng nhận đăng ký hộ kinh doanh',
        subtitle: 'Đăng ký lần đầu',
        numbering: 'giay-chung-nhan-hkd',
        fields: [
          { label: 'Số giấy chứng nhận', value: '{{number}}' },
          { label: 'Mã số thuế', value: '{{inputs.taxCode}}' },
          { label: 'Tên hộ kinh doanh', value: '{{form.businessName}}' },
          { label: 'Địa chỉ trụ sở', value: '{{form.businessAddress}}' },
          { label: 'Ngành, nghề kinh doanh', value: '{{form.businessLines}}' },
          { label: 'Vốn kinh doanh (đồng)', value: '{{form.capital}}' },
          { label: 'Chủ hộ kinh doanh', value: '{{form.fullName}}' },
          { label: 'Ngày sinh', value: '{{form.dateOfBirth}}' },
          { label: 'Số định danh cá nhân', value: '{{form.citizenId}}' },
          { label: 'Nơi cư trú', value: '{{form.ownerResidence}}' },
        ],
      },
      next: 'returned',
    },
    RETURNED_END,
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Không cấp Giấy chứng nhận', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
    CANCELLED_UNPAID_END,
  ],
  notifications: {
    submitted: NOTICE.submitted,
    accepted: NOTICE.accepted,
    supplement: NOTICE.supplement,
    payment: {
      subject: 'Đề nghị nộp lệ phí hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nĐề nghị Ông/Bà nộp {{amount}} lệ phí đăng ký hộ kinh doanh cho hồ sơ {{code}} trước ' +
        '{{paymentDeadline}} tại: {{paymentLink}}\nLệ phí không được hoàn trả nếu hộ kinh doanh không được cấp đăng ký. ' +
        'Quá hạn, hồ sơ sẽ bị dừng xử lý.',
    },
    refused: NOTICE.refused,
    rejected: NOTICE.rejected,
    result: {
      subject: 'Đã có Giấy chứng nhận đăng ký hộ kinh doanh – hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nGiấy chứng nhận đăng ký hộ kinh doanh số {{number}} đã được cấp. ' +
        'Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
    'cancelled-unpaid': NOTICE['cancelled-unpaid'],
  },
};
