/**
 * Đổi giấy phép lái xe — driving-licence renewal, version 1.
 *
 * Since 1 March 2025 driving licences are handled by the provincial police (Phòng Cảnh sát
 * giao thông), which took the task over from the provincial transport departments. The
 * applicant may file in any province, wherever the licence was issued. Figures from
 * ../shared/context/domain-rules.md: 5 working days, 135,000 đ.
 */
import type { ProcedureInput } from '../../engine/definition';

/** Licence classes of the 2024 Road Traffic Order and Safety Law, then the older classes still in circulation. */
const LICENCE_CLASSES = [
  ['A1', 'A1 – mô tô đến 125 cm³'],
  ['A', 'A – mô tô trên 125 cm³'],
  ['B1', 'B1 – xe ba bánh'],
  ['B', 'B – ô tô chở người đến 8 chỗ, tải đến 3.500 kg'],
  ['C1', 'C1 – ô tô tải 3.500 kg đến 7.500 kg'],
  ['C', 'C – ô tô tải trên 7.500 kg'],
  ['D1', 'D1 – ô tô chở người 9 đến 16 chỗ'],
  ['D2', 'D2 – ô tô chở người 17 đến 29 chỗ'],
  ['D', 'D – ô tô chở người trên 29 chỗ'],
  ['BE', 'BE – hạng B kéo rơ moóc'],
  ['C1E', 'C1E – hạng C1 kéo rơ moóc'],
  ['CE', 'CE – hạng C kéo rơ moóc'],
  ['D1E', 'D1E – hạng D1 kéo rơ moóc'],
  ['D2E', 'D2E – hạng D2 kéo rơ moóc'],
  ['DE', 'DE – hạng D kéo rơ moóc'],
  ['A2', 'A2 (mẫu cũ) – mô tô từ 175 cm³'],
  ['A3', 'A3 (mẫu cũ) – xe mô tô ba bánh'],
  ['A4', 'A4 (mẫu cũ) – máy kéo đến 1.000 kg'],
  ['B2', 'B2 (mẫu cũ) – ô tô đến 9 chỗ, tải dưới 3.500 kg'],
  ['E', 'E (mẫu cũ) – ô tô chở người trên 30 chỗ'],
  ['FC', 'FC (mẫu cũ) – hạng C kéo rơ moóc'],
] as const;

/** Motorcycle classes renew without a health certificate. */
const NO_HEALTH_CERTIFICATE = ['A1', 'A', 'A2', 'A3', 'B1'];

export const drivingLicenceRenewalV1: ProcedureInput = {
  code: 'GPLX-DOI',
  version: 1,
  status: 'published',
  name: 'Đổi giấy phép lái xe',
  field: 'Đường bộ – Giấy phép lái xe',
  level: 'province',
  agencyKind: 'driving-licence',
  legalBasis: [
    'Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15',
    'Thông tư số 37/2023/TT-BTC quy định mức thu lệ phí cấp giấy phép lái xe',
  ],
  onlineLevel: 'full',
  processingDays: 5,
  fees: [
    {
      id: 'le-phi-cap-doi',
      label: 'Lệ phí cấp đổi giấy phép lái xe',
      amount: 135_000,
      legalBasis: 'Thông tư số 37/2023/TT-BTC',
    },
  ],
  documents: [
    { id: 'don-de-nghi', name: 'Đơn đề nghị đổi giấy phép lái xe (kê khai trực tuyến)' },
    {
      id: 'giay-kham-suc-khoe',
      name: 'Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp',
      requiredWhen: { field: 'licenceClass', notIn: NO_HEALTH_CERTIFICATE },
      note: 'Không yêu cầu với hạng A1, A, A2, A3, B1',
    },
    {
      id: 'gplx-cccd',
      name: 'Giấy phép lái xe và căn cước công dân',
      note: 'Nộp trực tuyến: được đối chiếu với cơ sở dữ liệu, không cần bản sao',
    },
  ],
  form: {
    provinceField: 'province',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      { name: 'fullName', label: 'Họ và tên', type: 'text', maxLength: 100, personal: true },
      { name: 'citizenId', label: 'Số căn cước / CCCD', type: 'citizen-id', personal: true, hint: '12 chữ số' },
      { name: 'dateOfBirth', label: 'Ngày sinh', type: 'date', dateRange: 'past', personal: true },
      { name: 'licenceNumber', label: 'Số giấy phép lái xe', type: 'digits', length: 12, hint: '12 chữ số in trên giấy phép' },
      {
        name: 'licenceClass',
        label: 'Hạng giấy phép lái xe',
        type: 'select',
        options: LICENCE_CLASSES.map(([value, label]) => ({ value, label })),
      },
      {
        name: 'renewalReason',
        label: 'Lý do đổi',
        type: 'select',
        options: [
          { value: 'het-han', label: 'Giấy phép sắp hết hạn hoặc đã hết hạn' },
          { value: 'hu-hong', label: 'Giấy phép bị hư hỏng' },
          { value: 'thay-doi-thong-tin', label: 'Thay đổi thông tin trên giấy phép' },
          { value: 'doi-mau-moi', label: 'Đổi sang mẫu mới' },
        ],
      },
      {
        name: 'healthCertificateNumber',
        label: 'Số giấy khám sức khỏe',
        type: 'text',
        maxLength: 40,
        required: false,
        requiredWhen: { field: 'licenceClass', notIn: NO_HEALTH_CERTIFICATE },
        hint: 'Bắt buộc với giấy phép hạng ô tô',
      },
      {
        name: 'healthCertificateDate',
        label: 'Ngày khám sức khỏe',
        type: 'date',
        dateRange: 'past',
        required: false,
        requiredWhen: { field: 'licenceClass', notIn: NO_HEALTH_CERTIFICATE },
      },
      { name: 'province', label: 'Nơi nộp hồ sơ (tỉnh, thành phố)', type: 'select', optionsFrom: 'provinces' },
      { name: 'phone', label: 'Số điện thoại', type: 'phone', personal: true },
      { name: 'email', label: 'Thư điện tử', type: 'email', personal: true, hint: 'Nhận thông báo về hồ sơ' },
      {
        name: 'address',
        label: 'Địa chỉ nhận kết quả',
        type: 'textarea',
        maxLength: 300,
        required: false,
        personal: true,
      },
    ],
  },
  start: 'intake',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận hồ sơ',
      role: 'receiver',
      status: 1,
      workingDays: 0.5,
      instructions: 'Kiểm tra tính đầy đủ, hợp lệ của hồ sơ; tiếp nhận, yêu cầu bổ sung hoặc từ chối tiếp nhận.',
      actions: [
        {
          id: 'accept',
          label: 'Tiếp nhận hồ sơ',
          next: 'verify',
          style: 'primary',
          emitsStatus: 2,
          setsAppointment: true,
          notify: 'accepted',
        },
        { id: 'request-supplement', label: 'Yêu cầu bổ sung', next: 'supplement', requires: ['reason'] },
        { id: 'refuse', label: 'Từ chối tiếp nhận', next: 'refused', requires: ['reason'], style: 'danger' },
      ],
    },
    {
      id: 'supplement',
      kind: 'supplement',
      name: 'Chờ công dân bổ sung hồ sơ',
      status: 5,
      notify: 'supplement',
      next: 'intake',
    },
    {
      id: 'verify',
      kind: 'check',
      name: 'Đối chiếu cơ sở dữ liệu',
      status: 4,
      checks: [
        {
          id: 'identity',
          check: 'population.identity',
          label: 'Cơ sở dữ liệu quốc gia về dân cư',
          input: { citizenId: 'citizenId', fullName: 'fullName', dateOfBirth: 'dateOfBirth' },
        },
        {
          id: 'licence',
          check: 'driving-licence.record',
          label: 'Cơ sở dữ liệu giấy phép lái xe',
          input: { licenceNumber: 'licenceNumber', licenceClass: 'licenceClass', citizenId: 'citizenId' },
        },
      ],
      next: 'payment',
      onMismatch: 'intake',
    },
    {
      id: 'payment',
      kind: 'payment',
      name: 'Nộp lệ phí',
      status: 6,
      fees: ['le-phi-cap-doi'],
      notify: 'payment',
      next: 'review',
      onTimeout: 'cancelled-unpaid',
    },
    {
      id: 'review',
      kind: 'task',
      name: 'Thẩm định hồ sơ',
      role: 'specialist',
      status: 4,
      workingDays: 3,
      instructions: 'Thẩm định hồ sơ và kết quả đối chiếu; đề xuất cấp đổi hoặc không cấp đổi.',
      actions: [
        { id: 'propose-approval', label: 'Đề xuất cấp đổi', next: 'approval', style: 'primary' },
        { id: 'propose-rejection', label: 'Đề xuất không cấp đổi', next: 'approval', requires: ['reason'] },
        { id: 'return-to-intake', label: 'Trả về bộ phận tiếp nhận', next: 'intake', requires: ['reason'] },
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Phê duyệt',
      role: 'leader',
      status: 4,
      workingDays: 1,
      instructions: 'Xem đề xuất của chuyên viên; phê duyệt cấp đổi, không phê duyệt hoặc trả lại.',
      actions: [
        { id: 'approve', label: 'Phê duyệt cấp đổi', next: 'issue', style: 'primary', emitsStatus: 9 },
        { id: 'reject', label: 'Không phê duyệt', next: 'rejected', requires: ['reason'], style: 'danger' },
        { id: 'return-to-review', label: 'Trả lại chuyên viên', next: 'review', requires: ['reason'] },
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp giấy phép lái xe',
      status: 9,
      document: { template: 'driving-licence', title: 'Giấy phép lái xe', numbering: 'driving-licence' },
      next: 'returned',
    },
    { id: 'returned', kind: 'end', name: 'Trả kết quả', outcome: 'completed', status: 10, notify: 'result' },
    { id: 'refused', kind: 'end', name: 'Từ chối tiếp nhận', outcome: 'refused', status: 3, notify: 'refused' },
    { id: 'rejected', kind: 'end', name: 'Không cấp đổi', outcome: 'rejected', status: 10, notify: 'rejected' },
    {
      id: 'cancelled-unpaid',
      kind: 'end',
      name: 'Dừng xử lý do không nộp lệ phí',
      outcome: 'cancelled',
      status: 8,
      notify: 'cancelled-unpaid',
    },
  ],
  notifications: {
    submitted: {
      subject: 'Đã nhận hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nHồ sơ "{{procedure}}" của Ông/Bà đã được đăng ký với mã {{code}}. ' +
        'Ông/Bà có thể tra cứu tình trạng hồ sơ tại {{lookupLink}}.',
    },
    accepted: {
      subject: 'Hồ sơ {{code}} đã được tiếp nhận',
      body:
        'Kính gửi {{name}},\n\nHồ sơ {{code}} đã được tiếp nhận. Ngày hẹn trả kết quả: {{appointment}}. ' +
        'Tra cứu: {{lookupLink}}.',
    },
    supplement: {
      subject: 'Yêu cầu bổ sung hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nHồ sơ {{code}} cần bổ sung, hoàn thiện: {{reason}}\n\n' +
        'Ông/Bà vui lòng bổ sung tại: {{supplementLink}}',
    },
    payment: {
      subject: 'Đề nghị nộp lệ phí hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nĐề nghị Ông/Bà nộp {{amount}} lệ phí cho hồ sơ {{code}} trước {{paymentDeadline}} tại: ' +
        '{{paymentLink}}\nQuá hạn, hồ sơ sẽ bị dừng xử lý.',
    },
    refused: {
      subject: 'Hồ sơ {{code}} không được tiếp nhận',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} không được tiếp nhận. Lý do: {{reason}}',
    },
    rejected: {
      subject: 'Kết quả giải quyết hồ sơ {{code}}',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} không được giải quyết. Lý do: {{reason}}',
    },
    result: {
      subject: 'Đã có kết quả hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nGiấy phép lái xe số {{number}} đã được cấp đổi. ' +
        'Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
    'cancelled-unpaid': {
      subject: 'Hồ sơ {{code}} đã dừng xử lý',
      body:
        'Kính gửi {{name}},\n\nHồ sơ {{code}} đã dừng xử lý do lệ phí chưa được nộp trong thời hạn. ' +
        'Ông/Bà có thể nộp hồ sơ mới khi có nhu cầu.',
    },
  },
};
