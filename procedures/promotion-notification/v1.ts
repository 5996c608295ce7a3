/**
 * Thông báo hoạt động khuyến mại — promotion notification (Decree 81/2018/NĐ-CP, Art. 17;
 * form: Mẫu số 01). A notice, not a request: the trader tells the Department of Industry and
 * Trade (Sở Công Thương) of every province where the promotion runs, at least 3 working days
 * before it starts (verified: domain-rules.md; Cao Bằng's published procedure). No time limit
 * for the agency, no fee, and by law no result document (verified, same sources).
 *
 * How it runs here: the system checks the trader in the national business register and the
 * notice period against the working calendar. When both hold it acknowledges the notice at
 * once with a "Xác nhận đã tiếp nhận thông báo" (an acknowledgement of receipt, not an
 * approval) and no official touches the dossier. Otherwise a receiver reads the finding and
 * asks the trader to correct the notice (e.g. a later start date) or refuses it; only when a
 * registry could not be reached may the receiver check by hand and acknowledge.
 *
 * Unverified:
 * - Decree 128/2024/NĐ-CP (in force 1 Dec 2024) amended Decree 81/2018, including its promotion
 *   notice rules; whether the 3-working-day minimum survives was not confirmed. The period is
 *   the `workingDays` parameter of the check below: publish a v2 if it changed.
 * - The national procedure code (not found); a local code is used.
 * - The acknowledgement's number pattern (a local convention).
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { CONTACT_PHONE, TAX_CODE } from '../shared/fields';
import { ENTERPRISE_CHECK, supplementStep } from '../shared/steps';

/** Promotion forms of Art. 92 of the Commercial Law that are notified (lucky draws are registered instead). */
const PROMOTION_FORMS = [
  ['hang-mau', 'Đưa hàng mẫu, cung ứng dịch vụ mẫu để khách hàng dùng thử không phải trả tiền'],
  ['tang-qua', 'Tặng hàng hóa, cung ứng dịch vụ không thu tiền'],
  ['giam-gia', 'Bán hàng, cung ứng dịch vụ với giá thấp hơn giá trước đó (giảm giá)'],
  ['phieu-mua-hang', 'Bán hàng, cung ứng dịch vụ có kèm phiếu mua hàng, phiếu sử dụng dịch vụ'],
  ['phieu-du-thi', 'Bán hàng, cung ứng dịch vụ có kèm phiếu dự thi'],
  ['khach-hang-thuong-xuyen', 'Chương trình khách hàng thường xuyên'],
  ['van-hoa-giai-tri', 'Tổ chức chương trình văn hóa, nghệ thuật, giải trí vì mục đích khuyến mại'],
] as const;

/** Minimum notice before the promotion starts, in working days (Decree 81/2018, Art. 17). */
const NOTICE_WORKING_DAYS = 3;

export const promotionNotificationV1: ProcedureInput = {
  code: 'SCT-KM-TB',
  version: 1,
  status: 'published',
  name: 'Thông báo hoạt động khuyến mại',
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
  // A notice: the agency has no time limit (verified). The acknowledgement is immediate.
  processingDays: 0,
  fees: [],
  documents: [
    {
      id: 'thong-bao',
      name: 'Thông báo thực hiện khuyến mại (kê khai trực tuyến)',
      template: 'Mẫu số 01 – Nghị định số 81/2018/NĐ-CP',
    },
  ],
  form: {
    provinceField: 'province',
    applicant: { nameField: 'representativeName', citizenIdField: 'representativeCitizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      { name: 'enterpriseName', label: 'Tên thương nhân', type: 'text', maxLength: 200 },
      TAX_CODE,
      { name: 'enterpriseAddress', label: 'Địa chỉ trụ sở chính', type: 'text', maxLength: 300 },
      { name: 'representativeName', label: 'Người nộp thông báo', type: 'text', maxLength: 100, personal: true },
      { name: 'representativeCitizenId', label: 'Số căn cước của người nộp', type: 'citizen-id', personal: true, hint: '12 chữ số' },
      CONTACT_PHONE,
      { name: 'email', label: 'Thư điện tử', type: 'email', hint: 'Nhận xác nhận và thông báo về hồ sơ' },
      {
        name: 'province',
        label: 'Tỉnh, thành phố thực hiện khuyến mại',
        type: 'select',
        optionsFrom: 'provinces',
        hint: 'Khuyến mại ở nhiều tỉnh, thành phố: gửi một thông báo cho Sở Công Thương mỗi nơi',
      },
      { name: 'programmeName', label: 'Tên chương trình khuyến mại', type: 'text', maxLength: 300 },
      {
        name: 'promotionForm',
        label: 'Hình thức khuyến mại',
        type: 'select',
        options: PROMOTION_FORMS.map(([value, label]) => ({ value, label })),
      },
      { name: 'startDate', label: 'Ngày bắt đầu khuyến mại', type: 'date', dateRange: 'future', hint: `Cách ngày nộp ít nhất ${NOTICE_WORKING_DAYS} ngày làm việc` },
      { name: 'endDate', label: 'Ngày kết thúc khuyến mại', type: 'date', dateRange: 'future' },
      { name: 'promotedGoods', label: 'Hàng hóa, dịch vụ được khuyến mại', type: 'textarea', maxLength: 2000 },
      { name: 'promotionalGoods', label: 'Hàng hóa, dịch vụ dùng để khuyến mại', type: 'textarea', maxLength: 2000 },
      {
        name: 'totalValue',
        label: 'Tổng giá trị hàng hóa, dịch vụ dùng để khuyến mại (đồng)',
        type: 'number',
        min: 0,
      },
      { name: 'customers', label: 'Khách hàng của chương trình khuyến mại', type: 'textarea', maxLength: 1000, required: false },
    ],
  },
  numberingSchemes: { 'xac-nhan-thong-bao': { pattern: '{seq:5}/{yyyy}/TBKM-{province}' } },
  start: 'verify',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'verify',
      kind: 'check',
      name: 'Đối chiếu thương nhân và thời hạn thông báo',
      checks: [
        ENTERPRISE_CHECK,
        {
          id: 'notice-period',
          check: 'calendar.notice-period',
          label: 'Thời hạn thông báo trước khi khuyến mại',
          input: { date: 'startDate' },
          params: { workingDays: NOTICE_WORKING_DAYS, dateLabel: 'Ngày bắt đầu khuyến mại' },
        },
      ],
      next: 'acknowledge',
      onMismatch: 'mismatch-route',
    },
    {
      // A registry that could not be reached is no finding against the trader: a receiver checks by hand.
      id: 'mismatch-route',
      kind: 'branch',
      name: 'Phân loại kết quả đối chiếu',
      cases: [
        {
          when: {
            all: [
              { not: { check: 'enterprise', outcome: 'mismatch' } },
              { not: { check: 'notice-period', outcome: 'mismatch' } },
            ],
          },
          next: 'manual-review',
        },
      ],
      otherwise: 'review',
    },
    {
      id: 'review',
      kind: 'task',
      name: 'Xem xét thông báo chưa hợp lệ',
      role: 'receiver',
      status: STATUS.IN_PROGRESS,
      instructions:
        'Thương nhân không đang hoạt động hoặc thông báo gửi muộn (chưa đủ ' +
        `${NOTICE_WORKING_DAYS} ngày làm việc trước ngày bắt đầu khuyến mại). ` +
        'Yêu cầu thương nhân sửa thông báo (ví dụ lùi ngày bắt đầu) hoặc từ chối tiếp nhận.',
      actions: [
        { id: 'request-correction', label: 'Yêu cầu sửa đổi thông báo', next: 'supplement', requires: ['reason'], style: 'primary' },
        { id: 'refuse', label: 'Từ chối tiếp nhận thông báo', next: 'refused', requires: ['reason'], style: 'danger' },
      ],
    },
    {
      id: 'manual-review',
      kind: 'task',
      name: 'Kiểm tra thủ công thông báo',
      role: 'receiver',
      status: STATUS.IN_PROGRESS,
      instructions:
        'Không đối chiếu tự động được với cơ sở dữ liệu. Kiểm tra tình trạng thương nhân và ngày bắt đầu khuyến mại; ' +
        'xác nhận đã tiếp nhận, yêu cầu sửa đổi hoặc từ chối.',
      actions: [
        { id: 'acknowledge', label: 'Xác nhận đã tiếp nhận thông báo', next: 'acknowledge', style: 'primary' },
        { id: 'request-correction', label: 'Yêu cầu sửa đổi thông báo', next: 'supplement', requires: ['reason'] },
        { id: 'refuse', label: 'Từ chối tiếp nhận thông báo', next: 'refused', requires: ['reason'], style: 'danger' },
      ],
    },
    supplementStep('Chờ thương nhân sửa đổi thông báo', 'verify'),
    {
      id: 'acknowledge',
      kind: 'issue',
      name: 'Xác nhận đã tiếp nhận thông báo',
      status: STATUS.ACCEPTED,
      document: {
        template: 'certificate',
        title: 'Xác nhận đã tiếp nhận thông báo',
        subtitle: 'Thông báo thực hiện khuyến mại (Nghị định số 81/2018/NĐ-CP)',
        numbering: 'xac-nhan-thong-bao',
        fields: [
          { label: 'Thương nhân', value: '{{form.enterpriseName}}' },
          { label: 'Mã số doanh nghiệp', value: '{{form.taxCode}}' },
          { label: 'Địa chỉ trụ sở chính', value: '{{form.enterpriseAddress}}' },
          { label: 'Tên chương trình khuyến mại', value: '{{form.programmeName}}' },
          { label: 'Thời gian khuyến mại', value: 'Từ {{form.startDate}} đến {{form.endDate}}' },
          { label: 'Hàng hóa, dịch vụ được khuyến mại', value: '{{form.promotedGoods}}' },
          { label: 'Hàng hóa, dịch vụ dùng để khuyến mại', value: '{{form.promotionalGoods}}' },
          { label: 'Tổng giá trị dùng để khuyến mại (đồng)', value: '{{form.totalValue}}' },
          {
            label: 'Ghi chú',
            value:
              'Sở Công Thương đã nhận thông báo. Văn bản này không phải là văn bản chấp thuận; ' +
              'thương nhân chịu trách nhiệm thực hiện khuyến mại đúng nội dung đã thông báo và quy định của pháp luật.',
          },
        ],
      },
      next: 'acknowledged',
    },
    { id: 'acknowledged', kind: 'end', name: 'Đã tiếp nhận thông báo', outcome: 'completed', status: STATUS.RESULT_RETURNED, notify: 'result' },
    { id: 'refused', kind: 'end', name: 'Từ chối tiếp nhận thông báo', outcome: 'refused', status: STATUS.NOT_ACCEPTED, notify: 'refused' },
  ],
  notifications: {
    submitted: {
      subject: 'Đã nhận thông báo khuyến mại {{code}}',
      body:
        'Kính gửi {{name}},\n\nThông báo "{{procedure}}" đã được đăng ký với mã {{code}}. ' +
        'Hệ thống đang đối chiếu thông tin; tra cứu tại {{lookupLink}}.',
    },
    supplement: {
      subject: 'Đề nghị sửa đổi thông báo khuyến mại {{code}}',
      body:
        'Kính gửi {{name}},\n\nThông báo {{code}} chưa hợp lệ: {{reason}}\n\n' +
        'Đề nghị sửa đổi tại: {{supplementLink}}',
    },
    refused: {
      subject: 'Thông báo khuyến mại {{code}} không được tiếp nhận',
      body: 'Kính gửi {{name}},\n\nThông báo {{code}} không được tiếp nhận. Lý do: {{reason}}',
    },
    result: {
      subject: 'Sở Công Thương đã tiếp nhận thông báo khuyến mại {{code}}',
      body:
        'Kính gửi {{name}},\n\nSở Công Thương đã tiếp nhận thông báo khuyến mại (số xác nhận {{number}}). ' +
        'Bản điện tử: {{resultLink}}.',
    },
  },
};
