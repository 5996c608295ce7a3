/**
 * Đăng ký thực hiện khuyến mại mang tính may rủi trên địa bàn một tỉnh — registration of a
 * lucky-draw promotion run in one province (Decree 81/2018/NĐ-CP, Art. 19–20; forms Mẫu số 02
 * and 03). The Department of Industry and Trade (Sở Công Thương) confirms or declines, with
 * reasons, within 5 working days of a complete dossier.
 *
 * Verified against provincial publications of national procedure 2.000004 (Lâm Đồng
 * 2.000004.000.00.00.H36: 5 working days, documents Mẫu số 02, Mẫu số 03, evidence of winning,
 * copy of the quality papers of the prizes; Lai Châu, for its sibling amendment procedure:
 * no fee, no charge).
 *
 * The trader is checked in the national business register before a receiver sees the dossier;
 * a suspended, dissolved or unknown enterprise can only be asked to correct its tax code or be
 * refused. Receiver → specialist appraisal → leader's decision; the specialist may ask for a
 * supplement, which restarts the time limit once the dossier is complete again.
 *
 * Unverified: the split of the 5 days between steps, and the number pattern of the
 * confirmation (a local convention). Decree 128/2024/NĐ-CP amended Decree 81/2018 (thresholds
 * and registration rules of lucky draws); its effect on this procedure was not confirmed.
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { CONTACT_PHONE, TAX_CODE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { ENTERPRISE_CHECK, REFUSED_END, REFUSE_INTAKE, REQUEST_SUPPLEMENT, RETURNED_END, RETURN_TO_REVIEW, acceptAction, supplementStep } from '../shared/steps';

export const promotionRegistrationV1: ProcedureInput = {
  code: 'SCT-KM-DK',
  nationalCode: '2.000004',
  version: 1,
  status: 'published',
  name: 'Đăng ký thực hiện khuyến mại đối với chương trình khuyến mại mang tính may rủi trên địa bàn 01 tỉnh, thành phố',
  field: 'Xúc tiến thương mại',
  level: 'province',
  agencyKind: 'industry-trade',
  handlingAgency: 'Sở Công Thương nơi tổ chức thực hiện khuyến mại',
  legalBasis: [
    'Luật Thương mại số 36/2005/QH11',
    'Nghị định số 81/2018/NĐ-CP ngày 22/5/2018 quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại',
    'Nghị định số 128/2024/NĐ-CP sửa đổi, bổ sung Nghị định số 81/2018/NĐ-CP',
  ],
  onlineLevel: 'full',
  processingDays: 5,
  // No fee, no charge (verified for the amendment procedure of the same group; unverified for this one).
  fees: [],
  documents: [
    { id: 'dang-ky', name: 'Đăng ký thực hiện chương trình khuyến mại', template: 'Mẫu số 02 – Nghị định số 81/2018/NĐ-CP' },
    { id: 'the-le', name: 'Thể lệ chương trình khuyến mại', template: 'Mẫu số 03 – Nghị định số 81/2018/NĐ-CP' },
    { id: 'bang-chung', name: 'Mẫu bằng chứng xác định trúng thưởng hoặc mô tả chi tiết về bằng chứng xác định trúng thưởng' },
    {
      id: 'chat-luong',
      name: 'Bản sao giấy tờ về chất lượng của hàng hóa khuyến mại theo quy định của pháp luật',
      required: false,
      note: 'Khi hàng hóa dùng để khuyến mại phải có giấy tờ về chất lượng',
    },
  ],
  form: {
    provinceField: 'province',
    applicant: { nameField: 'representativeName', citizenIdField: 'representativeCitizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      { name: 'enterpriseName', label: 'Tên thương nhân', type: 'text', maxLength: 200 },
      TAX_CODE,
      { name: 'enterpriseAddress', label: 'Địa chỉ trụ sở chính', type: 'text', maxLength: 300 },
      { name: 'representativeName', label: 'Người nộp hồ sơ', type: 'text', maxLength: 100, personal: true },
      { name: 'representativeCitizenId', label: 'Số căn cước của người nộp', type: 'citizen-id', personal: true, hint: '12 chữ số' },
      CONTACT_PHONE,
      { name: 'email', label: 'Thư điện tử', type: 'email', hint: 'Nhận thông báo về hồ sơ' },
      { name: 'province', label: 'Tỉnh, thành phố thực hiện khuyến mại', type: 'select', optionsFrom: 'provinces' },
      { name: 'programmeName', label: 'Tên chương trình khuyến mại', type: 'text', maxLength: 300 },
      { name: 'startDate', label: 'Ngày bắt đầu khuyến mại', type: 'date', dateRange: 'future' },
      { name: 'endDate', label: 'Ngày kết thúc khuyến mại', type: 'date', dateRange: 'future' },
      { name: 'promotedGoods', label: 'Hàng hóa, dịch vụ được khuyến mại', type: 'textarea', maxLength: 2000 },
      { name: 'prizes', label: 'Cơ cấu giải thưởng', type: 'textarea', maxLength: 4000, hint: 'Mỗi dòng một giải: tên giải; nội dung giải thưởng; trị giá; số giải' },
      { name: 'totalPrizeValue', label: 'Tổng giá trị giải thưởng (đồng)', type: 'number', min: 1 },
      {
        name: 'winningEvidence',
        label: 'Bằng chứng xác định trúng thưởng',
        type: 'textarea',
        maxLength: 2000,
        hint: 'Mô tả vé số, thẻ cào, mã dự thưởng… và cách xác định trúng thưởng',
      },
      { name: 'customers', label: 'Khách hàng của chương trình khuyến mại', type: 'textarea', maxLength: 1000, required: false },
    ],
  },
  numberingSchemes: { 'xac-nhan-dang-ky': { pattern: '{seq:5}/{yyyy}/XNKM-{province}' } },
  start: 'verify-enterprise',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'verify-enterprise',
      kind: 'check',
      name: 'Đối chiếu thông tin thương nhân',
      checks: [ENTERPRISE_CHECK],
      next: 'intake',
      onMismatch: 'enterprise-route',
    },
    {
      // A register out of reach is no finding: the receiver checks the papers at intake.
      id: 'enterprise-route',
      kind: 'branch',
      name: 'Phân loại kết quả đối chiếu',
      cases: [{ when: { check: 'enterprise', outcome: 'error' }, next: 'intake' }],
      otherwise: 'enterprise-not-active',
    },
    {
      id: 'enterprise-not-active',
      kind: 'task',
      name: 'Xử lý hồ sơ của thương nhân không đang hoạt động',
      role: 'receiver',
      status: STATUS.REGISTERED,
      instructions:
        'Mã số thuế không có trong cơ sở dữ liệu hoặc thương nhân đã tạm ngừng, giải thể. ' +
        'Yêu cầu thương nhân kê khai lại mã số thuế hoặc từ chối tiếp nhận.',
      actions: [
        { id: 'request-supplement', label: 'Yêu cầu kê khai lại', next: 'supplement', requires: ['reason'] },
        REFUSE_INTAKE,
      ],
    },
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận hồ sơ',
      role: 'receiver',
      status: STATUS.REGISTERED,
      workingDays: 1,
      instructions: 'Kiểm tra tính đầy đủ, hợp lệ của hồ sơ; tiếp nhận, yêu cầu bổ sung hoặc từ chối tiếp nhận.',
      actions: [acceptAction('review'), REQUEST_SUPPLEMENT, REFUSE_INTAKE],
    },
    supplementStep('Chờ thương nhân bổ sung hồ sơ', 'verify-enterprise'),
    {
      id: 'review',
      kind: 'task',
      name: 'Thẩm định nội dung chương trình khuyến mại',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      workingDays: 3,
      instructions:
        'Thẩm định thể lệ, cơ cấu giải thưởng, bằng chứng xác định trúng thưởng và hàng hóa khuyến mại; ' +
        'đề xuất xác nhận hoặc không xác nhận, hoặc yêu cầu bổ sung.',
      actions: [
        { id: 'propose-confirmation', label: 'Đề xuất xác nhận', next: 'approval', style: 'primary' },
        { id: 'propose-refusal', label: 'Đề xuất không xác nhận', next: 'approval', requires: ['reason'] },
        { id: 'request-supplement', label: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', next: 'supplement', requires: ['reason'] },
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Lãnh đạo Sở phê duyệt',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      // 1 day (was 1.5): shares are whole days until working hours come, and 1 + 3 + 1 fill the 5 days.
      workingDays: 1,
      instructions: 'Xem đề xuất của chuyên viên; ký văn bản xác nhận, không xác nhận (nêu rõ lý do) hoặc trả lại.',
      actions: [
        { id: 'approve', label: 'Ký văn bản xác nhận', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        { id: 'reject', label: 'Không xác nhận', next: 'rejected', requires: ['reason'], style: 'danger' },
        RETURN_TO_REVIEW,
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Ban hành văn bản xác nhận',
      status: STATUS.PROCESSED,
      document: {
        template: 'certificate',
        title: 'Văn bản xác nhận đăng ký thực hiện khuyến mại',
        subtitle: 'Chương trình khuyến mại mang tính may rủi trên địa bàn 01 tỉnh, thành phố',
        numbering: 'xac-nhan-dang-ky',
        fields: [
          { label: 'Thương nhân', value: '{{form.enterpriseName}}' },
          { label: 'Mã số doanh nghiệp', value: '{{form.taxCode}}' },
          { label: 'Địa chỉ trụ sở chính', value: '{{form.enterpriseAddress}}' },
          { label: 'Tên chương trình khuyến mại', value: '{{form.programmeName}}' },
          { label: 'Hình thức khuyến mại', value: 'Bán hàng, cung ứng dịch vụ kèm theo việc tham dự chương trình mang tính may rủi' },
          { label: 'Thời gian khuyến mại', value: 'Từ {{form.startDate}} đến {{form.endDate}}' },
          { label: 'Hàng hóa, dịch vụ được khuyến mại', value: '{{form.promotedGoods}}' },
          { label: 'Cơ cấu giải thưởng', value: '{{form.prizes}}' },
          { label: 'Tổng giá trị giải thưởng (đồng)', value: '{{form.totalPrizeValue}}' },
          {
            label: 'Ghi chú',
            value:
              'Thương nhân thực hiện đúng thể lệ đã đăng ký, thông báo công khai kết quả trúng thưởng và ' +
              'báo cáo kết quả thực hiện khuyến mại theo quy định.',
          },
        ],
      },
      next: 'returned',
    },
    RETURNED_END,
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Không xác nhận đăng ký', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
  ],
  notifications: {
    submitted: {
      subject: 'Đã nhận hồ sơ {{code}}',
      body: 'Kính gửi {{name}},\n\nHồ sơ "{{procedure}}" đã được đăng ký với mã {{code}}. Tra cứu tại {{lookupLink}}.',
    },
    accepted: NOTICE.accepted,
    supplement: {
      subject: 'Yêu cầu bổ sung hồ sơ {{code}}',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} cần bổ sung, hoàn thiện: {{reason}}\n\nĐề nghị bổ sung tại: {{supplementLink}}',
    },
    refused: NOTICE.refused,
    rejected: {
      subject: 'Sở Công Thương không xác nhận đăng ký khuyến mại – hồ sơ {{code}}',
      body: 'Kính gửi {{name}},\n\nSở Công Thương không xác nhận việc đăng ký thực hiện khuyến mại của hồ sơ {{code}}. Lý do: {{reason}}',
    },
    result: {
      subject: 'Đã có văn bản xác nhận đăng ký khuyến mại – hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nSở Công Thương đã xác nhận đăng ký thực hiện khuyến mại, văn bản số {{number}}. ' +
        'Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
  },
};
