/**
 * Cấp Phiếu lý lịch tư pháp số 1 — criminal-record certificate no. 1 for a Vietnamese citizen
 * who lives in the province, issued by the provincial Department of Justice (Sở Tư pháp).
 *
 * The Department searches its judicial-record database while the provincial police records
 * office (Phòng Hồ sơ nghiệp vụ, PV06) searches the police records, at the same time (liên
 * thông); the Department drafts the certificate once both have answered, and its director signs.
 *
 * Facts and where they come from:
 * - National code 2.000488 and 200.000 đ: ../shared/context/domain-rules.md.
 * - 10 working days, 15 when the person has lived in several provinces or abroad (or when the
 *   automatic expungement of a conviction must be verified): Luật Lý lịch tư pháp 2009, Art. 48,
 *   as the Ministry of Justice's Q&A service quotes it (hdpl.moj.gov.vn). The expungement case is
 *   found during processing, not on the form, so the format cannot lengthen the time for it
 *   (engine gap: processingRules see only the form and registry checks).
 * - 200.000 đ; 100.000 đ for students, persons with meritorious service to the revolution and
 *   relatives of martyrs; 5.000 đ more per certificate from the third one asked in one request:
 *   Thông tư 244/2016/TT-BTC, Art. 4, as quoted by thuvienphapluat.vn. Verified for that circular;
 *   Thông tư 16/2025/TT-BTC has since been issued on the same fee and its figures were not
 *   retrieved (chưa xác minh that they are unchanged).
 * - Exempt (no fee): children, the elderly, persons with disabilities, members of poor
 *   households, residents of communes in especially difficult circumstances (ethnic-minority,
 *   border and safe-zone communes): the exemption article of Thông tư 244/2016/TT-BTC as
 *   remembered, chưa xác minh. The applicant declares the category; age is not derived from the
 *   date of birth (engine gap: conditions cannot compare a date with today).
 * - The police's share of the time (4 working days) and the form numbers: chưa xác minh.
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { CITIZEN_ID, DATE_OF_BIRTH, EMAIL, FULL_NAME, PHONE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { IDENTITY_CHECK, REFUSED_END, REFUSE_INTAKE, REQUEST_SUPPLEMENT, RETURNED_END, acceptAction, supplementStep } from '../shared/steps';

/** Categories that pay the reduced fee (Thông tư 244/2016/TT-BTC, Art. 4). */
const REDUCED = ['sinh-vien', 'nguoi-co-cong', 'than-nhan-liet-si'];
/** Categories exempt from the fee (chưa xác minh). */
const EXEMPT: [string, string][] = [
  ['tre-em', 'Trẻ em theo quy định của Luật Trẻ em'],
  ['nguoi-cao-tuoi', 'Người cao tuổi theo quy định của Luật Người cao tuổi'],
  ['nguoi-khuyet-tat', 'Người khuyết tật theo quy định của Luật Người khuyết tật'],
  ['ho-ngheo', 'Người thuộc hộ nghèo'],
  ['xa-dac-biet-kho-khan', 'Người cư trú tại xã đặc biệt khó khăn, xã biên giới, xã an toàn khu; đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế – xã hội đặc biệt khó khăn'],
];
/** Printing surcharge from the third certificate of one request: 5.000 đ each, up to the form's maximum. */
const MAX_COPIES = 10;
const EXTRA_COPY_CASES = Array.from({ length: MAX_COPIES - 2 }, (_, i) => ({
  when: { field: 'copies', min: i + 3, max: i + 3 },
  amount: 5_000 * (i + 1),
}));

export const criminalRecordCertificateV1: ProcedureInput = {
  code: '2.000488',
  nationalCode: '2.000488',
  version: 1,
  status: 'published',
  name: 'Cấp Phiếu lý lịch tư pháp số 1 cho công dân Việt Nam',
  field: 'Lý lịch tư pháp',
  level: 'province',
  agencyKind: 'justice',
  handlingAgency: 'Sở Tư pháp',
  legalBasis: [
    'Luật Lý lịch tư pháp số 28/2009/QH12',
    'Nghị định số 111/2010/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp',
    'Thông tư số 244/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp',
    'Thông tư số 16/2025/TT-BTC về phí cung cấp thông tin lý lịch tư pháp (nội dung chưa xác minh)',
  ],
  onlineLevel: 'full',
  processingDays: 10,
  processingRules: [
    {
      when: { field: 'residence', in: ['nhieu-noi', 'nuoc-ngoai'] },
      days: 15,
      note: 'Đã cư trú ở nhiều nơi hoặc có thời gian cư trú ở nước ngoài (Điều 48 Luật Lý lịch tư pháp)',
    },
  ],
  fees: [
    {
      id: 'phi-cung-cap-thong-tin',
      label: 'Phí cung cấp thông tin lý lịch tư pháp',
      legalBasis: 'Thông tư số 244/2016/TT-BTC, Điều 4',
      cases: [
        { when: { field: 'category', in: REDUCED }, amount: 100_000 },
        { when: { field: 'category', notIn: REDUCED }, amount: 200_000 },
      ],
      exemptions: EXEMPT.map(([value, label]) => ({ when: { field: 'category', in: [value] }, label })),
    },
    {
      id: 'phi-in-phieu-bo-sung',
      label: 'Phí in thêm Phiếu lý lịch tư pháp từ Phiếu thứ 3 trở đi (5.000 đồng/Phiếu)',
      legalBasis: 'Thông tư số 244/2016/TT-BTC, Điều 4',
      cases: EXTRA_COPY_CASES,
      // Whether an exempt applicant pays the printing surcharge is not settled here (chưa xác minh): exempt too.
      exemptions: EXEMPT.map(([value, label]) => ({ when: { field: 'category', in: [value] }, label })),
    },
  ],
  documents: [
    { id: 'to-khai', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (kê khai trực tuyến)', template: 'Mẫu số 03/2013/TT-LLTP (chưa xác minh)' },
    {
      id: 'can-cuoc',
      name: 'Căn cước / thẻ căn cước công dân của người được cấp Phiếu',
      note: 'Nộp trực tuyến: được đối chiếu với Cơ sở dữ liệu quốc gia về dân cư, không cần bản chụp',
    },
    {
      id: 'giay-to-doi-tuong',
      name: 'Giấy tờ chứng minh thuộc đối tượng được giảm hoặc miễn phí (thẻ sinh viên, giấy chứng nhận người có công, giấy chứng nhận hộ nghèo…)',
      required: false,
      requiredWhen: { field: 'category', notIn: ['thuong'] },
    },
  ],
  form: {
    provinceField: 'province',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      FULL_NAME,
      { name: 'otherNames', label: 'Tên gọi khác', type: 'text', maxLength: 100, required: false, personal: true },
      {
        name: 'gender',
        label: 'Giới tính',
        type: 'select',
        options: [
          { value: 'nam', label: 'Nam' },
          { value: 'nu', label: 'Nữ' },
        ],
      },
      DATE_OF_BIRTH,
      { name: 'placeOfBirth', label: 'Nơi sinh', type: 'text', maxLength: 200, personal: true },
      CITIZEN_ID,
      { name: 'address', label: 'Nơi thường trú hoặc tạm trú', type: 'textarea', maxLength: 300, personal: true },
      {
        name: 'residence',
        label: 'Quá trình cư trú từ đủ 14 tuổi',
        type: 'select',
        options: [
          { value: 'mot-noi', label: 'Chỉ cư trú tại tỉnh, thành phố nơi nộp hồ sơ' },
          { value: 'nhieu-noi', label: 'Đã cư trú ở nhiều tỉnh, thành phố' },
          { value: 'nuoc-ngoai', label: 'Có thời gian cư trú ở nước ngoài' },
        ],
      },
      {
        name: 'residenceHistory',
        label: 'Các nơi đã cư trú (thời gian, địa chỉ)',
        type: 'textarea',
        maxLength: 1000,
        required: false,
        requiredWhen: { field: 'residence', in: ['nhieu-noi', 'nuoc-ngoai'] },
        personal: true,
        hint: 'Bắt buộc khi đã cư trú ở nơi khác hoặc ở nước ngoài',
      },
      { name: 'purpose', label: 'Mục đích sử dụng Phiếu', type: 'text', maxLength: 200 },
      {
        name: 'banInfo',
        label: 'Yêu cầu xác nhận về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã',
        type: 'select',
        options: [
          { value: 'khong', label: 'Không yêu cầu' },
          { value: 'co', label: 'Có yêu cầu' },
        ],
      },
      {
        name: 'category',
        label: 'Đối tượng nộp phí',
        type: 'select',
        options: [
          { value: 'thuong', label: 'Công dân (200.000 đồng)' },
          { value: 'sinh-vien', label: 'Sinh viên (100.000 đồng)' },
          { value: 'nguoi-co-cong', label: 'Người có công với cách mạng (100.000 đồng)' },
          { value: 'than-nhan-liet-si', label: 'Thân nhân liệt sĩ (100.000 đồng)' },
          ...EXEMPT.map(([value, label]) => ({ value, label: `${label} (miễn phí)` })),
        ],
      },
      { name: 'copies', label: 'Số lượng Phiếu đề nghị cấp', type: 'number', min: 1, max: MAX_COPIES, hint: 'Từ Phiếu thứ 3 thu thêm 5.000 đồng/Phiếu' },
      { name: 'province', label: 'Nơi nộp hồ sơ (tỉnh, thành phố nơi cư trú)', type: 'select', optionsFrom: 'provinces' },
      PHONE,
      EMAIL,
    ],
  },
  numberingSchemes: {
    // Layout chưa xác minh: a sequence per year and province, then the register's mark.
    'phieu-lltp-so-1': { pattern: '{seq:6}/{yyyy}/LLTP-{province}' },
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
        'Kiểm tra tờ khai, đối tượng nộp phí và giấy tờ chứng minh; người không cư trú tại tỉnh thì hướng dẫn nộp tại ' +
        'Trung tâm Lý lịch tư pháp quốc gia. Tiếp nhận, yêu cầu bổ sung hoặc từ chối tiếp nhận.',
      actions: [acceptAction('verify'), REQUEST_SUPPLEMENT, REFUSE_INTAKE],
    },
    supplementStep('Chờ công dân bổ sung hồ sơ', 'intake'),
    {
      id: 'verify',
      kind: 'check',
      name: 'Đối chiếu cơ sở dữ liệu dân cư',
      status: STATUS.IN_PROGRESS,
      checks: [IDENTITY_CHECK],
      next: 'payment',
      onMismatch: 'intake',
    },
    {
      id: 'payment',
      kind: 'payment',
      name: 'Nộp phí',
      status: STATUS.AWAITING_PAYMENT,
      fees: ['phi-cung-cap-thong-tin', 'phi-in-phieu-bo-sung'],
      notify: 'payment',
      next: 'search',
      onTimeout: 'cancelled-unpaid',
    },
    {
      id: 'search',
      kind: 'parallel',
      name: 'Tra cứu thông tin lý lịch tư pháp',
      status: STATUS.IN_PROGRESS,
      branches: [
        { id: 'police', name: 'Công an tỉnh tra cứu hồ sơ nghiệp vụ', start: 'police-check' },
        { id: 'justice', name: 'Sở Tư pháp tra cứu cơ sở dữ liệu lý lịch tư pháp', start: 'judicial-search' },
      ],
      next: 'draft',
    },
    {
      id: 'police-check',
      kind: 'task',
      name: 'Tra cứu thông tin án tích (Công an tỉnh)',
      role: 'specialist',
      agencyKind: 'police-records',
      workingDays: 4,
      instructions:
        'Tra cứu tàng thư hồ sơ nghiệp vụ về người được yêu cầu cấp Phiếu và trả lời Sở Tư pháp. ' +
        'Ghi rõ bản án, tội danh, hình phạt nếu có thông tin án tích.',
      actions: [
        {
          id: 'answer',
          label: 'Trả lời kết quả tra cứu',
          next: 'draft',
          style: 'primary',
          inputs: [
            {
              name: 'policeFinding',
              label: 'Kết quả tra cứu án tích',
              type: 'select',
              options: [
                { value: 'Không có thông tin án tích', label: 'Không có thông tin án tích' },
                { value: 'Có thông tin án tích', label: 'Có thông tin án tích' },
              ],
            },
            { name: 'policeDetails', label: 'Chi tiết (bản án, tội danh, hình phạt)', type: 'textarea', maxLength: 2000, required: false },
          ],
        },
      ],
    },
    {
      id: 'judicial-search',
      kind: 'task',
      name: 'Tra cứu cơ sở dữ liệu lý lịch tư pháp (Sở Tư pháp)',
      role: 'specialist',
      workingDays: 3,
      instructions:
        'Tra cứu cơ sở dữ liệu lý lịch tư pháp của Sở; khi người yêu cầu đã cư trú ở tỉnh khác hoặc ở nước ngoài, ' +
        'đề nghị Trung tâm Lý lịch tư pháp quốc gia tra cứu.',
      actions: [
        { id: 'done', label: 'Đã tra cứu xong', next: 'draft', style: 'primary' },
        // Leaves the consultation: the police's open task is cancelled and the director decides on the refusal.
        { id: 'reject', label: 'Đề xuất từ chối cấp Phiếu', next: 'approval-refusal', requires: ['reason'], style: 'danger' },
      ],
    },
    {
      id: 'draft',
      kind: 'task',
      name: 'Lập Phiếu lý lịch tư pháp',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      workingDays: 2,
      instructions:
        'Đối chiếu kết quả tra cứu của Sở và trả lời của Công an; ghi tình trạng án tích (án tích đã được xóa không ghi ' +
        'vào Phiếu số 1) và, nếu có yêu cầu, thông tin về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã.',
      actions: [
        {
          id: 'propose',
          label: 'Trình ký Phiếu',
          next: 'approval',
          style: 'primary',
          inputs: [
            {
              name: 'criminalRecord',
              label: 'Án tích',
              type: 'textarea',
              maxLength: 2000,
              hint: 'Ghi "Không có án tích", hoặc từng án tích chưa được xóa: bản án, tội danh, hình phạt',
            },
            {
              name: 'banStatus',
              label: 'Thông tin về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã',
              type: 'select',
              options: [
                { value: 'Không yêu cầu xác nhận', label: 'Không yêu cầu xác nhận' },
                {
                  value: 'Không bị cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã',
                  label: 'Không bị cấm',
                },
                {
                  value: 'Bị cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã (xem phần án tích)',
                  label: 'Bị cấm',
                },
              ],
            },
          ],
        },
        { id: 'reject', label: 'Đề xuất từ chối cấp', next: 'approval-refusal', requires: ['reason'] },
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Ký Phiếu lý lịch tư pháp',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      workingDays: 1,
      instructions: 'Lãnh đạo Sở ký Phiếu lý lịch tư pháp hoặc trả lại chuyên viên.',
      actions: [
        { id: 'approve', label: 'Ký Phiếu', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        { id: 'return-to-draft', label: 'Trả lại chuyên viên', next: 'draft', requires: ['reason'] },
      ],
    },
    {
      id: 'approval-refusal',
      kind: 'task',
      name: 'Phê duyệt từ chối cấp Phiếu',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      instructions: 'Phê duyệt văn bản từ chối cấp Phiếu lý lịch tư pháp (nêu rõ lý do) hoặc trả lại chuyên viên.',
      actions: [
        { id: 'approve-refusal', label: 'Phê duyệt từ chối', next: 'rejected', requires: ['reason'], style: 'danger' },
        { id: 'return-to-draft', label: 'Trả lại chuyên viên', next: 'draft', requires: ['reason'] },
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp Phiếu lý lịch tư pháp số 1',
      status: STATUS.PROCESSED,
      document: {
        template: 'certificate',
        title: 'Phiếu lý lịch tư pháp số 1',
        numbering: 'phieu-lltp-so-1',
        fields: [
          { label: 'Họ và tên', value: '{{form.fullName}}' },
          { label: 'Tên gọi khác', value: '{{form.otherNames}}' },
          { label: 'Ngày, tháng, năm sinh', value: '{{form.dateOfBirth}}' },
          { label: 'Nơi sinh', value: '{{form.placeOfBirth}}' },
          { label: 'Quốc tịch', value: 'Việt Nam' },
          { label: 'Nơi cư trú', value: '{{form.address}}' },
          { label: 'Số căn cước', value: '{{form.citizenId}}' },
          { label: 'Án tích', value: '{{inputs.criminalRecord}}' },
          { label: 'Thông tin về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã', value: '{{inputs.banStatus}}' },
          { label: 'Mục đích sử dụng', value: '{{form.purpose}}' },
        ],
      },
      next: 'returned',
    },
    RETURNED_END,
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Từ chối cấp Phiếu', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
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
    submitted: NOTICE.submitted,
    accepted: {
      subject: 'Hồ sơ {{code}} đã được tiếp nhận',
      body:
        'Kính gửi {{name}},\n\nHồ sơ {{code}} đã được Sở Tư pháp tiếp nhận. Ngày hẹn trả kết quả: {{appointment}}. ' +
        'Tra cứu: {{lookupLink}}.',
    },
    supplement: NOTICE.supplement,
    payment: {
      subject: 'Đề nghị nộp phí hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nĐề nghị Ông/Bà nộp {{amount}} phí cung cấp thông tin lý lịch tư pháp cho hồ sơ {{code}} ' +
        'trước {{paymentDeadline}} tại: {{paymentLink}}\nQuá hạn, hồ sơ sẽ bị dừng xử lý.',
    },
    refused: NOTICE.refused,
    rejected: {
      subject: 'Kết quả giải quyết hồ sơ {{code}}',
      body: 'Kính gửi {{name}},\n\nSở Tư pháp từ chối cấp Phiếu lý lịch tư pháp cho hồ sơ {{code}}. Lý do: {{reason}}',
    },
    result: {
      subject: 'Đã có kết quả hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nPhiếu lý lịch tư pháp số 1, số {{number}}, đã được cấp. ' +
        'Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
    'cancelled-unpaid': {
      subject: 'Hồ sơ {{code}} đã dừng xử lý',
      body:
        'Kính gửi {{name}},\n\nHồ sơ {{code}} đã dừng xử lý do phí chưa được nộp trong thời hạn. ' +
        'Ông/Bà có thể nộp hồ sơ mới khi có nhu cầu.',
    },
  },
};
