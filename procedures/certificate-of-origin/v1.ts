/**
 * Cấp Giấy chứng nhận xuất xứ hàng hóa (C/O) mẫu GSTP — certificate of origin under the
 * Global System of Trade Preferences among developing countries, issued by the provincial
 * Department of Industry and Trade (Sở Công Thương). National code 1.013642; time limit 8
 * working hours from a complete dossier, here 1 working day, the smallest unit the format has
 * (domain-rules.md; not re-verified).
 *
 * Fee (phí chứng nhận xuất xứ): 30.000 đ per set, as the published catalogue entry of this code
 * lists it (domain-rules.md). A press summary of Circular 36/2023/TT-BTC gives 60.000 đ per set
 * issued and 30.000 đ per set reissued; administrators confirm against the entry in force.
 * Charged per set requested, after acceptance.
 *
 * The exporter is checked in the national business register before a receiver sees the
 * dossier (an enterprise that is suspended, dissolved or unknown can only correct its tax code
 * or be refused). Receiver → payment → specialist appraisal of origin → leader signs.
 *
 * Unverified: the split of the day between steps; the documents list (Decree 31/2018/NĐ-CP,
 * Art. 15, from memory); the reference number. Circular 05/2018/TT-BCT numbers a C/O
 * "VN-<importing country> <yy>/<issuing body>/<5-digit sequence>"; a numbering pattern cannot
 * take the importing country from the form, so "GSTP" stands in its place.
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { CONTACT_PHONE, TAX_CODE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { REFUSED_END, REFUSE_INTAKE, REQUEST_SUPPLEMENT, RETURNED_END, RETURN_TO_REVIEW, acceptAction, supplementStep } from '../shared/steps';

/** Phí cấp C/O mẫu GSTP per set, as the catalogue entry of 1.013642 lists it. */
const FEE_PER_SET = 30_000;

export const certificateOfOriginV1: ProcedureInput = {
  code: 'SCT-CO-GSTP',
  nationalCode: '1.013642',
  version: 1,
  status: 'published',
  name: 'Cấp Giấy chứng nhận xuất xứ hàng hóa (C/O) mẫu GSTP',
  field: 'Xuất nhập khẩu – Xuất xứ hàng hóa',
  level: 'province',
  agencyKind: 'industry-trade',
  handlingAgency: 'Sở Công Thương',
  legalBasis: [
    'Luật Quản lý ngoại thương số 05/2017/QH14',
    'Nghị định số 31/2018/NĐ-CP ngày 08/3/2018 quy định chi tiết Luật Quản lý ngoại thương về xuất xứ hàng hóa',
    'Thông tư số 05/2018/TT-BCT ngày 03/4/2018 quy định về xuất xứ hàng hóa',
    'Thông tư số 36/2023/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng nhận xuất xứ hàng hóa (C/O)',
  ],
  onlineLevel: 'full',
  // 8 working hours (Decree 31/2018, domain-rules.md): one working day.
  processingDays: 1,
  fees: [
    {
      id: 'phi-co',
      label: 'Phí chứng nhận xuất xứ hàng hóa (C/O), theo số bộ C/O',
      amount: FEE_PER_SET,
      perUnitField: 'sets',
      legalBasis: 'Thông tư số 36/2023/TT-BTC',
    },
  ],
  documents: [
    { id: 'don-de-nghi', name: 'Đơn đề nghị cấp C/O (kê khai trực tuyến)' },
    { id: 'mau-co', name: 'Mẫu C/O mẫu GSTP đã được khai hoàn chỉnh' },
    {
      id: 'to-khai-hai-quan',
      name: 'Bản sao tờ khai hải quan xuất khẩu',
      required: false,
      note: 'Hàng hóa không phải khai hải quan hoặc chưa có tờ khai: nộp bổ sung sau theo quy định',
    },
    { id: 'hoa-don', name: 'Bản sao hóa đơn thương mại' },
    { id: 'van-don', name: 'Bản sao vận tải đơn hoặc chứng từ vận tải tương đương', required: false },
    { id: 'bang-ke', name: 'Bảng kê khai chi tiết hàng hóa xuất khẩu đạt tiêu chí xuất xứ' },
    {
      id: 'ho-so-thuong-nhan',
      name: 'Hồ sơ thương nhân (đăng ký mẫu chữ ký, con dấu; danh mục cơ sở sản xuất)',
      requiredWhen: { field: 'firstApplication', in: ['co'] },
      note: 'Chỉ nộp khi đề nghị cấp C/O lần đầu hoặc khi có thay đổi',
    },
  ],
  form: {
    provinceField: 'province',
    applicant: { nameField: 'representativeName', citizenIdField: 'representativeCitizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      { name: 'exporterName', label: 'Tên thương nhân xuất khẩu', type: 'text', maxLength: 200 },
      TAX_CODE,
      { name: 'exporterAddress', label: 'Địa chỉ thương nhân xuất khẩu', type: 'text', maxLength: 300 },
      { name: 'representativeName', label: 'Người đề nghị cấp C/O', type: 'text', maxLength: 100, personal: true },
      { name: 'representativeCitizenId', label: 'Số căn cước của người đề nghị', type: 'citizen-id', personal: true, hint: '12 chữ số' },
      CONTACT_PHONE,
      { name: 'email', label: 'Thư điện tử', type: 'email', hint: 'Nhận thông báo về hồ sơ' },
      { name: 'province', label: 'Sở Công Thương cấp C/O (tỉnh, thành phố)', type: 'select', optionsFrom: 'provinces' },
      {
        name: 'firstApplication',
        label: 'Đề nghị cấp C/O lần đầu',
        type: 'select',
        options: [
          { value: 'co', label: 'Có – nộp kèm hồ sơ thương nhân' },
          { value: 'khong', label: 'Không – đã đăng ký hồ sơ thương nhân' },
        ],
      },
      { name: 'consigneeName', label: 'Tên người nhận hàng (nhà nhập khẩu)', type: 'text', maxLength: 200 },
      { name: 'consigneeAddress', label: 'Địa chỉ người nhận hàng', type: 'text', maxLength: 300 },
      { name: 'importingCountry', label: 'Nước nhập khẩu', type: 'text', maxLength: 100, hint: 'Nước tham gia Hệ thống ưu đãi thương mại toàn cầu (GSTP)' },
      { name: 'transport', label: 'Phương tiện vận tải và tuyến đường', type: 'text', maxLength: 300 },
      { name: 'goodsDescription', label: 'Mô tả hàng hóa; số lượng, loại kiện; ký hiệu và số hiệu kiện hàng', type: 'textarea', maxLength: 4000 },
      { name: 'hsCode', label: 'Mã số hàng hóa (HS)', type: 'text', maxLength: 12 },
      { name: 'originCriterion', label: 'Tiêu chí xuất xứ', type: 'text', maxLength: 60, hint: 'Theo quy tắc xuất xứ GSTP, ví dụ hàng hóa có xuất xứ thuần túy hoặc tỷ lệ hàm lượng nội địa' },
      { name: 'quantity', label: 'Trọng lượng cả bì hoặc số lượng khác', type: 'text', maxLength: 100 },
      { name: 'invoiceNumber', label: 'Số hóa đơn thương mại', type: 'text', maxLength: 60 },
      { name: 'invoiceDate', label: 'Ngày hóa đơn thương mại', type: 'date', dateRange: 'past' },
      { name: 'customsDeclaration', label: 'Số tờ khai hải quan xuất khẩu', type: 'text', maxLength: 30, required: false },
      { name: 'sets', label: 'Số bộ C/O đề nghị cấp', type: 'number', min: 1, max: 50 },
    ],
  },
  numberingSchemes: { 'co-gstp': { pattern: 'VN-GSTP {yy}/{province}/{seq:5}' } },
  start: 'verify-exporter',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'verify-exporter',
      kind: 'check',
      name: 'Đối chiếu thông tin thương nhân xuất khẩu',
      checks: [
        {
          id: 'exporter',
          check: 'business.registration',
          label: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
          input: { taxCode: 'taxCode' },
        },
      ],
      next: 'intake',
      onMismatch: 'exporter-route',
    },
    {
      // A register out of reach is no finding: the receiver checks the papers at intake.
      id: 'exporter-route',
      kind: 'branch',
      name: 'Phân loại kết quả đối chiếu',
      cases: [{ when: { check: 'exporter', outcome: 'error' }, next: 'intake' }],
      otherwise: 'exporter-not-active',
    },
    {
      id: 'exporter-not-active',
      kind: 'task',
      name: 'Xử lý hồ sơ của thương nhân không đang hoạt động',
      role: 'receiver',
      status: STATUS.REGISTERED,
      instructions:
        'Mã số thuế không có trong cơ sở dữ liệu hoặc thương nhân đã tạm ngừng, giải thể, chấm dứt hiệu lực mã số thuế. ' +
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
      instructions: 'Kiểm tra tính đầy đủ của hồ sơ đề nghị cấp C/O; tiếp nhận, yêu cầu bổ sung hoặc từ chối tiếp nhận.',
      actions: [acceptAction('payment'), REQUEST_SUPPLEMENT, REFUSE_INTAKE],
    },
    supplementStep('Chờ thương nhân bổ sung hồ sơ', 'verify-exporter'),
    {
      id: 'payment',
      kind: 'payment',
      name: 'Nộp phí chứng nhận xuất xứ',
      status: STATUS.AWAITING_PAYMENT,
      fees: ['phi-co'],
      notify: 'payment',
      next: 'review',
      onTimeout: 'cancelled-unpaid',
    },
    {
      id: 'review',
      kind: 'task',
      name: 'Kiểm tra xuất xứ hàng hóa',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      // Shares are whole days until working hours come: the one day of the time limit is the appraisal's
      // (was 0.25 intake, 0.5 appraisal, 0.25 signature, each rounded up to a day by the interpreter).
      workingDays: 1,
      instructions:
        'Kiểm tra bộ chứng từ, tiêu chí xuất xứ GSTP và thông tin khai trên C/O; ' +
        'đề xuất cấp, đề xuất từ chối cấp hoặc yêu cầu bổ sung.',
      actions: [
        { id: 'propose-issue', label: 'Đề xuất cấp C/O', next: 'approval', style: 'primary' },
        { id: 'propose-refusal', label: 'Đề xuất từ chối cấp', next: 'approval', requires: ['reason'] },
        { id: 'request-supplement', label: 'Yêu cầu bổ sung chứng từ', next: 'supplement', requires: ['reason'] },
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Ký cấp C/O',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      instructions: 'Người được ủy quyền ký C/O xem đề xuất; ký cấp, từ chối cấp (nêu rõ lý do) hoặc trả lại chuyên viên.',
      actions: [
        { id: 'approve', label: 'Ký cấp C/O', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        { id: 'reject', label: 'Từ chối cấp C/O', next: 'rejected', requires: ['reason'], style: 'danger' },
        RETURN_TO_REVIEW,
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp C/O mẫu GSTP',
      status: STATUS.PROCESSED,
      document: {
        template: 'certificate',
        title: 'Giấy chứng nhận xuất xứ hàng hóa mẫu GSTP',
        subtitle: 'Certificate of Origin – Form GSTP (Global System of Trade Preferences)',
        numbering: 'co-gstp',
        fields: [
          { label: 'Số tham chiếu (Reference No.)', value: '{{number}}' },
          { label: 'Thương nhân xuất khẩu (Goods consigned from)', value: '{{form.exporterName}}, {{form.exporterAddress}}, Việt Nam' },
          { label: 'Mã số doanh nghiệp', value: '{{form.taxCode}}' },
          { label: 'Người nhận hàng (Goods consigned to)', value: '{{form.consigneeName}}, {{form.consigneeAddress}}' },
          { label: 'Nước nhập khẩu (Importing country)', value: '{{form.importingCountry}}' },
          { label: 'Phương tiện vận tải và tuyến đường (Means of transport and route)', value: '{{form.transport}}' },
          { label: 'Mô tả hàng hóa (Description of goods)', value: '{{form.goodsDescription}}' },
          { label: 'Mã số HS (Tariff item number)', value: '{{form.hsCode}}' },
          { label: 'Tiêu chí xuất xứ (Origin criterion)', value: '{{form.originCriterion}}' },
          { label: 'Trọng lượng hoặc số lượng (Gross weight or other quantity)', value: '{{form.quantity}}' },
          { label: 'Số và ngày hóa đơn (Number and date of invoice)', value: '{{form.invoiceNumber}} ngày {{form.invoiceDate}}' },
          { label: 'Số bộ cấp', value: '{{form.sets}}' },
        ],
      },
      next: 'returned',
    },
    RETURNED_END,
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Từ chối cấp C/O', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
    {
      id: 'cancelled-unpaid',
      kind: 'end',
      name: 'Dừng xử lý do không nộp phí',
      outcome: 'cancelled',
      status: STATUS.STOPPED,
      notify: 'cancelled-unpaid',
    },
  ],
  notifications: {
    submitted: {
      subject: 'Đã nhận hồ sơ đề nghị cấp C/O {{code}}',
      body: 'Kính gửi {{name}},\n\nHồ sơ "{{procedure}}" đã được đăng ký với mã {{code}}. Tra cứu tại {{lookupLink}}.',
    },
    accepted: {
      subject: 'Hồ sơ {{code}} đã được tiếp nhận',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} đã được tiếp nhận. Hẹn trả kết quả: {{appointment}}. Tra cứu: {{lookupLink}}.',
    },
    supplement: {
      subject: 'Yêu cầu bổ sung hồ sơ {{code}}',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} cần bổ sung: {{reason}}\n\nĐề nghị bổ sung tại: {{supplementLink}}',
    },
    payment: {
      subject: 'Đề nghị nộp phí C/O – hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nĐề nghị nộp {{amount}} phí chứng nhận xuất xứ cho hồ sơ {{code}} trước {{paymentDeadline}} tại: ' +
        '{{paymentLink}}\nQuá hạn, hồ sơ sẽ bị dừng xử lý.',
    },
    refused: NOTICE.refused,
    rejected: {
      subject: 'Từ chối cấp C/O – hồ sơ {{code}}',
      body: 'Kính gửi {{name}},\n\nSở Công Thương từ chối cấp C/O cho hồ sơ {{code}}. Lý do: {{reason}}',
    },
    result: {
      subject: 'Đã cấp C/O – hồ sơ {{code}}',
      body: 'Kính gửi {{name}},\n\nC/O mẫu GSTP số {{number}} đã được cấp. Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
    'cancelled-unpaid': {
      subject: 'Hồ sơ {{code}} đã dừng xử lý',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} đã dừng xử lý do phí chưa được nộp trong thời hạn.',
    },
  },
};
