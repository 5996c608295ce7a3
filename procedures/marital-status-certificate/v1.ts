/**
 * Cấp Giấy xác nhận tình trạng hôn nhân (certificate of marital status) at the commune People's
 * Committee: the worked example of docs/procedures.md. Law on Civil Status 2014 and Decree
 * 123/2015/NĐ-CP art. 22: 3 working days, extended when the applicant's earlier residence must
 * be verified. The charge is set by each province (unverified figure below; administrators
 * correct it); online applications are often exempt.
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { DATE_OF_BIRTH, FULL_NAME, PHONE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { IDENTITY_CHECK, REFUSED_END, REFUSE_INTAKE, REQUEST_SUPPLEMENT, RETURNED_END, RETURN_TO_INTAKE, supplementStep } from '../shared/steps';

export const maritalStatusCertificateV1: ProcedureInput = {
  code: 'HT-XNHN',
  version: 1,
  status: 'published',
  name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
  field: 'Hộ tịch',
  level: 'commune',
  agencyKind: 'commune',
  handlingAgency: 'Ủy ban nhân dân cấp xã nơi thường trú',
  legalBasis: ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định số 123/2015/NĐ-CP, Điều 21–23'],
  onlineLevel: 'full',
  processingDays: 3,
  processingRules: [
    { when: { field: 'livedElsewhere', in: ['co'] }, days: 23, note: 'Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây' },
  ],
  fees: [
    {
      id: 'le-phi',
      label: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân',
      amount: 15_000,
      legalBasis: 'Nghị quyết của Hội đồng nhân dân cấp tỉnh (mức chưa xác minh)',
      exemptions: [{ when: { field: 'applicantGroup', in: ['ho-ngheo', 'nguoi-khuyet-tat'] }, label: 'Hộ nghèo, người khuyết tật' }],
    },
  ],
  documents: [
    { id: 'to-khai', name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', template: 'Mẫu TK cấp GXNTTHN (Thông tư 04/2024/TT-BTP)' },
    { id: 'ban-an', name: 'Giấy tờ chứng minh đã ly hôn hoặc người vợ/chồng đã chết', requiredWhen: { field: 'maritalStatus', in: ['ly-hon', 'goa'] } },
  ],
  form: {
    communeField: 'commune',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      FULL_NAME,
      { name: 'citizenId', label: 'Số căn cước', type: 'citizen-id', personal: true },
      DATE_OF_BIRTH,
      { name: 'commune', label: 'Xã, phường nơi thường trú', type: 'select', optionsFrom: 'communes' },
      {
        name: 'maritalStatus',
        label: 'Tình trạng hôn nhân kê khai',
        type: 'select',
        options: [
          { value: 'chua-ket-hon', label: 'Chưa đăng ký kết hôn với ai' },
          { value: 'ly-hon', label: 'Đã ly hôn' },
          { value: 'goa', label: 'Vợ/chồng đã chết' },
        ],
      },
      {
        name: 'purpose',
        label: 'Mục đích sử dụng',
        type: 'select',
        options: [
          { value: 'ket-hon', label: 'Đăng ký kết hôn' },
          { value: 'khac', label: 'Mục đích khác (mua bán nhà đất, vay vốn, …)' },
        ],
      },
      { name: 'livedElsewhere', label: 'Từng thường trú ở nơi khác từ đủ 18 tuổi', type: 'select', options: [{ value: 'co', label: 'Có' }, { value: 'khong', label: 'Không' }] },
      {
        name: 'applicantGroup',
        label: 'Đối tượng',
        type: 'select',
        options: [
          { value: 'thuong', label: 'Công dân' },
          { value: 'ho-ngheo', label: 'Thành viên hộ nghèo' },
          { value: 'nguoi-khuyet-tat', label: 'Người khuyết tật' },
        ],
      },
      PHONE,
      { name: 'email', label: 'Thư điện tử', type: 'email', personal: true },
    ],
  },
  numberingSchemes: { 'xac-nhan': { pattern: '{seq:4}/{yyyy}/XNTTHN-{commune}' } },
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
        { id: 'accept', label: 'Tiếp nhận hồ sơ', next: 'identity', style: 'primary', emitsStatus: STATUS.ACCEPTED, setsAppointment: true },
        REQUEST_SUPPLEMENT,
        REFUSE_INTAKE,
      ],
    },
    supplementStep('Chờ công dân bổ sung', 'intake'),
    {
      id: 'identity',
      kind: 'check',
      name: 'Đối chiếu cơ sở dữ liệu dân cư',
      status: STATUS.IN_PROGRESS,
      checks: [IDENTITY_CHECK],
      next: 'payment',
      onMismatch: 'intake',
    },
    { id: 'payment', kind: 'payment', name: 'Nộp lệ phí', status: STATUS.AWAITING_PAYMENT, fees: ['le-phi'], notify: 'payment', next: 'review', onTimeout: 'cancelled' },
    {
      id: 'review',
      kind: 'task',
      name: 'Kiểm tra, xác minh tình trạng hôn nhân',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      // 1 day (was 1.5): shares are whole days until working hours come, and 1 + 1 + 1 fill the 3 days.
      workingDays: 1,
      instructions: 'Tra cứu Cơ sở dữ liệu hộ tịch điện tử; xác minh nơi cư trú trước đây khi cần.',
      actions: [
        {
          id: 'propose',
          label: 'Trình cấp giấy xác nhận',
          next: 'approval',
          style: 'primary',
          inputs: [{ name: 'findings', label: 'Kết quả tra cứu, xác minh', type: 'textarea', maxLength: 500 }],
        },
        RETURN_TO_INTAKE,
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Ký giấy xác nhận',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      workingDays: 1,
      actions: [
        { id: 'approve', label: 'Ký cấp', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        { id: 'reject', label: 'Từ chối cấp', next: 'rejected', requires: ['reason'], style: 'danger' },
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
      document: {
        template: 'certificate',
        title: 'Giấy xác nhận tình trạng hôn nhân',
        numbering: 'xac-nhan',
        validity: { months: 6 },
        fields: [
          { label: 'Họ, chữ đệm, tên', value: '{{form.fullName}}' },
          { label: 'Ngày, tháng, năm sinh', value: '{{form.dateOfBirth}}' },
          { label: 'Số định danh cá nhân', value: '{{form.citizenId}}' },
          { label: 'Tình trạng hôn nhân', value: '{{inputs.findings}}' },
        ],
      },
      next: 'returned',
    },
    RETURNED_END,
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Từ chối cấp', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
    { id: 'cancelled', kind: 'end', name: 'Dừng xử lý do không nộp lệ phí', outcome: 'cancelled', status: STATUS.STOPPED },
  ],
  notifications: {
    submitted: { subject: 'Đã nhận hồ sơ {{code}}', body: 'Kính gửi {{name}},\n\nHồ sơ "{{procedure}}" đã được đăng ký với mã {{code}}. Tra cứu: {{lookupLink}}.' },
    supplement: { subject: 'Yêu cầu bổ sung hồ sơ {{code}}', body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} cần bổ sung: {{reason}}\n\nBổ sung tại: {{supplementLink}}' },
    payment: { subject: 'Đề nghị nộp lệ phí hồ sơ {{code}}', body: 'Kính gửi {{name}},\n\nĐề nghị nộp {{amount}} trước {{paymentDeadline}} tại: {{paymentLink}}' },
    refused: NOTICE.refused,
    rejected: { subject: 'Kết quả giải quyết hồ sơ {{code}}', body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} không được cấp giấy xác nhận. Lý do: {{reason}}' },
    result: { subject: 'Đã có kết quả hồ sơ {{code}}', body: 'Kính gửi {{name}},\n\nGiấy xác nhận số {{number}} đã được cấp. Bản điện tử: {{resultLink}}.' },
  },
};
