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

/** Classes of the 2024 Road Traffic Order and Safety Law, then the older classes still in circulation. */
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

/** Classes issued without a term: their holders have no expiry date to declare. */
const NO_TERM_CLASSES = ['A1', 'A', 'A2', 'A3', 'B1'];

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
      { name: 'fullName', label: 'Họ và tên', type: 'text', maxLength: 100, personal: true },
      { name: 'citizenId', label: 'Số căn cước / CCCD', type: 'citizen-id', personal: true, hint: '12 chữ số' },
      { name: 'dateOfBirth', label: 'Ngày sinh', type: 'date', dateRange: 'past', personal: true },
      { name: 'licenceNumber', label: 'Số giấy phép lái xe trong nước', type: 'digits', length: 12, hint: '12 chữ số in trên giấy phép' },
      {
        name: 'licenceClass',
        label: 'Hạng giấy phép lái xe trong nước',
        type: 'select',
        options: LICENCE_CLASSES.map(([value, label]) => ({ value, label })),
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
      { name: 'phone', label: 'Số điện thoại', type: 'phone', personal: true },
      { name: 'email', label: 'Thư điện tử', type: 'email', personal: true, hint: 'Nhận thông báo về hồ sơ' },
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
      status: 1,
      workingDays: 0.5,
      instructions:
        'Kiểm tra tờ khai và ảnh chân dung; tiếp nhận, yêu cầu bổ sung hoặc từ chối tiếp nhận. ' +
        'Khi hồ sơ trở lại từ bước đối chiếu, xem kết quả đối chiếu trước khi quyết định.',
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
        { id: 'refuse', label: 'Từ chối tiếp nhận', next: 'refused', requires: ['reason'], style: 'danger', notify: 'refused' },
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
      status: 4,
      workingDays: 3,
      instructions:
        'Xem kết quả đối chiếu: giấy phép trong nước phải còn hiệu lực (cơ sở dữ liệu ghi "đã hết hạn" là không đủ điều kiện, ' +
        'dù kết quả đối chiếu là khớp). Đề xuất cấp hoặc không cấp.',
      actions: [
        { id: 'propose-approval', label: 'Đề xuất cấp', next: 'approval', style: 'primary' },
        { id: 'propose-rejection', label: 'Đề xuất không cấp', next: 'approval', requires: ['reason'] },
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
      instructions: 'Xem đề xuất của chuyên viên; phê duyệt cấp, không phê duyệt hoặc trả lại.',
      actions: [
        { id: 'approve', label: 'Phê duyệt cấp', next: 'issue', style: 'primary', emitsStatus: 9 },
        { id: 'reject', label: 'Không phê duyệt', next: 'rejected', requires: ['reason'], style: 'danger' },
        { id: 'return-to-review', label: 'Trả lại chuyên viên', next: 'review', requires: ['reason'] },
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp giấy phép lái xe quốc tế',
      status: 9,
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
    { id: 'returned', kind: 'end', name: 'Trả kết quả', outcome: 'completed', status: 10, notify: 'result' },
    { id: 'refused', kind: 'end', name: 'Từ chối tiếp nhận', outcome: 'refused', status: 3 },
    { id: 'rejected', kind: 'end', name: 'Không cấp', outcome: 'rejected', status: 10, notify: 'rejected' },
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
        'Kính gửi {{name}},\n\nĐề nghị Ông/Bà nộp {{amount}} lệ phí cấp giấy phép lái xe quốc tế cho hồ sơ {{code}} ' +
        'trước {{paymentDeadline}} tại: {{paymentLink}}\nQuá hạn, hồ sơ sẽ bị dừng xử lý.',
    },
    refused: {
      subject: 'Hồ sơ {{code}} không được tiếp nhận',
      body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} không được tiếp nhận. Lý do: {{reason}}',
    },
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
    'cancelled-unpaid': {
      subject: 'Hồ sơ {{code}} đã dừng xử lý',
      body:
        'Kính gửi {{name}},\n\nHồ sơ {{code}} đã dừng xử lý do lệ phí chưa được nộp trong thời hạn. ' +
        'Ông/Bà có thể nộp hồ sơ mới khi có nhu cầu.',
    },
  },
};
