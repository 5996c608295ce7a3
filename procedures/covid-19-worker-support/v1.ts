/**
 * Hỗ trợ người lao động tạm hoãn thực hiện hợp đồng lao động, nghỉ việc không hưởng lương
 * (COVID-19 support, 2021): the employer files the list of its workers; the provincial
 * labour authority (since 2025 the Department of Home Affairs, Sở Nội vụ) checks the employer
 * and every worker against the social-insurance database, appraises, and the chairman of the
 * provincial People's Committee decides. Support per worker: 3.710.000 đ for a month or more
 * of leave, 1.855.000 đ from 15 days (Decision 23/2021/QĐ-TTg). Time limits of that decision:
 * social insurance 2 working days, labour authority 2, People's Committee 2.
 *
 * The per-worker checks are a `custom` step of the TypeScript workflow this definition names
 * (workflows/custom/covid-support.ts): the escape hatch for what the format cannot express.
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { NOTICE } from '../shared/notifications';
import { REFUSED_END, REFUSE_INTAKE, REQUEST_SUPPLEMENT, RETURN_TO_INTAKE, supplementStep } from '../shared/steps';

export const covidWorkerSupportV1: ProcedureInput = {
  code: 'HT-COVID-NLD',
  version: 1,
  status: 'published',
  name: 'Hỗ trợ người lao động tạm hoãn thực hiện hợp đồng lao động, nghỉ việc không hưởng lương do đại dịch COVID-19',
  field: 'Lao động – Việc làm',
  level: 'province',
  agencyKind: 'home-affairs',
  handlingAgency: 'Sở Nội vụ (trước đây Sở Lao động – Thương binh và Xã hội); Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định',
  legalBasis: [
    'Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ',
    'Quyết định số 23/2021/QĐ-TTg ngày 07/7/2021 của Thủ tướng Chính phủ',
  ],
  onlineLevel: 'full',
  processingDays: 6,
  fees: [],
  documents: [
    { id: 'danh-sach', name: 'Danh sách người lao động tạm hoãn hợp đồng lao động, nghỉ việc không hưởng lương', template: 'Mẫu số 01 – Quyết định 23/2021/QĐ-TTg' },
    { id: 'van-ban-thoa-thuan', name: 'Văn bản thỏa thuận tạm hoãn hợp đồng lao động hoặc nghỉ việc không hưởng lương' },
  ],
  workflow: 'covidSupportWorkflow',
  form: {
    provinceField: 'province',
    applicant: { nameField: 'representativeName', citizenIdField: 'representativeCitizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      { name: 'taxCode', label: 'Mã số thuế doanh nghiệp', type: 'digits', length: 10 },
      { name: 'companyName', label: 'Tên doanh nghiệp', type: 'text', maxLength: 200 },
      { name: 'representativeName', label: 'Người đại diện theo pháp luật', type: 'text', maxLength: 100, personal: true },
      { name: 'representativeCitizenId', label: 'Số căn cước của người đại diện', type: 'citizen-id', personal: true },
      { name: 'province', label: 'Tỉnh, thành phố nơi doanh nghiệp đặt trụ sở', type: 'select', optionsFrom: 'provinces' },
      { name: 'leaveFrom', label: 'Tạm hoãn, nghỉ việc từ ngày', type: 'date' },
      { name: 'leaveTo', label: 'Đến ngày', type: 'date' },
      {
        name: 'workers',
        label: 'Danh sách người lao động',
        type: 'textarea',
        maxLength: 20_000,
        hint: 'Mỗi dòng một người: số căn cước; họ và tên; mã số bảo hiểm xã hội; số ngày nghỉ',
      },
      { name: 'bankAccount', label: 'Tài khoản nhận kinh phí hỗ trợ', type: 'text', maxLength: 60 },
      { name: 'phone', label: 'Số điện thoại', type: 'phone' },
      { name: 'email', label: 'Thư điện tử', type: 'email' },
    ],
  },
  numberingSchemes: { 'quyet-dinh': { pattern: '{seq:4}/QĐ-UBND-{yyyy}' } },
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
      actions: [
        { id: 'accept', label: 'Tiếp nhận hồ sơ', next: 'employer-check', style: 'primary', emitsStatus: STATUS.ACCEPTED, setsAppointment: true },
        REQUEST_SUPPLEMENT,
        REFUSE_INTAKE,
      ],
    },
    supplementStep('Chờ doanh nghiệp bổ sung hồ sơ', 'intake'),
    {
      id: 'employer-check',
      kind: 'check',
      name: 'Đối chiếu thông tin doanh nghiệp',
      status: STATUS.IN_PROGRESS,
      checks: [{ id: 'employer', check: 'business.registration', label: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp', input: { taxCode: 'taxCode' } }],
      next: 'verify-workers',
      onMismatch: 'intake',
    },
    {
      id: 'verify-workers',
      kind: 'custom',
      name: 'Đối chiếu từng người lao động với cơ sở dữ liệu bảo hiểm xã hội',
      handler: 'verify-workers',
      outputs: ['workersListed', 'workersEligible', 'supportTotal'],
      next: 'appraisal',
    },
    {
      id: 'appraisal',
      kind: 'task',
      name: 'Thẩm định, trình Ủy ban nhân dân tỉnh',
      role: 'specialist',
      workingDays: 2,
      actions: [
        { id: 'submit', label: 'Trình phê duyệt', next: 'decision', style: 'primary' },
        RETURN_TO_INTAKE,
      ],
    },
    {
      id: 'decision',
      kind: 'task',
      name: 'Quyết định hỗ trợ',
      role: 'leader',
      agencyKind: 'province-committee',
      workingDays: 2,
      actions: [
        { id: 'approve', label: 'Ký quyết định hỗ trợ', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        { id: 'reject', label: 'Không hỗ trợ', next: 'rejected', requires: ['reason'], style: 'danger' },
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Ban hành quyết định',
      document: {
        template: 'certificate',
        title: 'Quyết định hỗ trợ người lao động',
        subtitle: '(Bản điện tử – trích nội dung)',
        numbering: 'quyet-dinh',
        fields: [
          { label: 'Doanh nghiệp', value: '{{form.companyName}}' },
          { label: 'Mã số thuế', value: '{{form.taxCode}}' },
          { label: 'Thời gian tạm hoãn, nghỉ việc', value: 'Từ {{form.leaveFrom}} đến {{form.leaveTo}}' },
          { label: 'Người lao động trong danh sách', value: '{{inputs.workersListed}}' },
          { label: 'Người lao động được hỗ trợ', value: '{{inputs.workersEligible}}' },
          { label: 'Tổng kinh phí hỗ trợ', value: '{{inputs.supportTotal}}' },
          { label: 'Tài khoản nhận', value: '{{form.bankAccount}}' },
        ],
      },
      next: 'done',
    },
    { id: 'done', kind: 'end', name: 'Trả kết quả', outcome: 'completed', status: STATUS.RESULT_RETURNED, notify: 'result' },
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Không hỗ trợ', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
  ],
  notifications: {
    submitted: { subject: 'Đã nhận hồ sơ {{code}}', body: 'Kính gửi {{name}},\n\nHồ sơ "{{procedure}}" đã được đăng ký với mã {{code}}. Tra cứu: {{lookupLink}}.' },
    supplement: { subject: 'Yêu cầu bổ sung hồ sơ {{code}}', body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} cần bổ sung: {{reason}}\n\nBổ sung tại: {{supplementLink}}' },
    refused: NOTICE.refused,
    rejected: { subject: 'Kết quả giải quyết hồ sơ {{code}}', body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} không được hỗ trợ. Lý do: {{reason}}' },
    result: { subject: 'Quyết định hỗ trợ – hồ sơ {{code}}', body: 'Kính gửi {{name}},\n\nQuyết định số {{number}} đã được ban hành. Bản điện tử: {{resultLink}}.' },
  },
};
