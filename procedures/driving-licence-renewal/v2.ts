/**
 * Đổi giấy phép lái xe — driving-licence renewal, version 2: the applicant may have the new
 * licence sent by public postal service (bưu chính công ích) instead of collecting it. Adds a
 * choice on the form, the postage as a fee by case, and a dispatch step where the receiver
 * records the parcel number. Dossiers started on version 1 finish on version 1.
 *
 * Since 1 March 2025 driving licences are handled by the provincial police (Phòng Cảnh sát
 * giao thông), which took the task over from the provincial transport departments. The
 * applicant may file in any province, wherever the licence was issued. Figures from
 * ../shared/context/domain-rules.md: 5 working days, 135,000 đ.
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { CITIZEN_ID, DATE_OF_BIRTH, EMAIL, FULL_NAME, PHONE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { CANCELLED_UNPAID_END, IDENTITY_CHECK, LICENCE_CHECK, REFUSED_END, REFUSE_INTAKE, REJECT_APPROVAL, REQUEST_SUPPLEMENT, RETURNED_END, RETURN_TO_INTAKE, RETURN_TO_REVIEW, acceptAction, supplementStep } from '../shared/steps';
import { LICENCE_CLASS_OPTIONS, MOTORCYCLE_CLASSES } from '../shared/driving-licence';

/** Motorcycle classes renew without a health certificate. */
const NO_HEALTH_CERTIFICATE = MOTORCYCLE_CLASSES;

export const drivingLicenceRenewalV2: ProcedureInput = {
  code: 'GPLX-DOI',
  version: 2,
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
    {
      id: 'cuoc-buu-chinh',
      label: 'Cước chuyển phát kết quả qua bưu chính công ích',
      // Postage differs by operator and distance; this flat rate is an illustrative default.
      cases: [{ when: { field: 'deliveryMethod', in: ['buu-chinh'] }, amount: 25_000 }],
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
      FULL_NAME,
      CITIZEN_ID,
      DATE_OF_BIRTH,
      { name: 'licenceNumber', label: 'Số giấy phép lái xe', type: 'digits', length: 12, hint: '12 chữ số in trên giấy phép' },
      {
        name: 'licenceClass',
        label: 'Hạng giấy phép lái xe',
        type: 'select',
        options: LICENCE_CLASS_OPTIONS,
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
      PHONE,
      EMAIL,
      {
        name: 'deliveryMethod',
        label: 'Hình thức nhận kết quả',
        type: 'select',
        options: [
          { value: 'tai-quay', label: 'Nhận trực tiếp tại bộ phận một cửa' },
          { value: 'buu-chinh', label: 'Nhận qua dịch vụ bưu chính công ích' },
        ],
      },
      {
        name: 'address',
        label: 'Địa chỉ nhận kết quả',
        type: 'textarea',
        maxLength: 300,
        required: false,
        requiredWhen: { field: 'deliveryMethod', in: ['buu-chinh'] },
        personal: true,
        hint: 'Bắt buộc khi nhận qua bưu chính',
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
      status: STATUS.REGISTERED,
      workingDays: 1,
      instructions: 'Kiểm tra tính đầy đủ, hợp lệ của hồ sơ; tiếp nhận, yêu cầu bổ sung hoặc từ chối tiếp nhận.',
      actions: [acceptAction('verify'), REQUEST_SUPPLEMENT, REFUSE_INTAKE],
    },
    supplementStep('Chờ công dân bổ sung hồ sơ', 'intake'),
    {
      id: 'verify',
      kind: 'check',
      name: 'Đối chiếu cơ sở dữ liệu',
      status: STATUS.IN_PROGRESS,
      checks: [IDENTITY_CHECK, LICENCE_CHECK],
      next: 'payment',
      onMismatch: 'intake',
    },
    {
      id: 'payment',
      kind: 'payment',
      name: 'Nộp lệ phí',
      status: STATUS.AWAITING_PAYMENT,
      fees: ['le-phi-cap-doi', 'cuoc-buu-chinh'],
      notify: 'payment',
      next: 'review',
      onTimeout: 'cancelled-unpaid',
    },
    {
      id: 'review',
      kind: 'task',
      name: 'Thẩm định hồ sơ',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      workingDays: 3,
      instructions: 'Thẩm định hồ sơ và kết quả đối chiếu; đề xuất cấp đổi hoặc không cấp đổi.',
      actions: [
        { id: 'propose-approval', label: 'Đề xuất cấp đổi', next: 'approval', style: 'primary' },
        { id: 'propose-rejection', label: 'Đề xuất không cấp đổi', next: 'approval', requires: ['reason'] },
        RETURN_TO_INTAKE,
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Phê duyệt',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      workingDays: 1,
      instructions: 'Xem đề xuất của chuyên viên; phê duyệt cấp đổi, không phê duyệt hoặc trả lại.',
      actions: [
        { id: 'approve', label: 'Phê duyệt cấp đổi', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        REJECT_APPROVAL,
        RETURN_TO_REVIEW,
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Cấp giấy phép lái xe',
      status: STATUS.PROCESSED,
      document: { template: 'driving-licence', title: 'Giấy phép lái xe', numbering: 'driving-licence' },
      next: 'delivery-route',
    },
    {
      id: 'delivery-route',
      kind: 'branch',
      name: 'Hình thức trả kết quả',
      cases: [{ when: { field: 'deliveryMethod', in: ['buu-chinh'] }, next: 'dispatch' }],
      otherwise: 'returned',
    },
    {
      id: 'dispatch',
      kind: 'task',
      name: 'Chuyển phát kết quả',
      role: 'receiver',
      status: STATUS.PROCESSED,
      instructions: 'Giao giấy phép cho bưu chính công ích và ghi số hiệu bưu gửi.',
      actions: [
        {
          id: 'dispatched',
          label: 'Đã giao bưu chính',
          next: 'returned',
          style: 'primary',
          inputs: [{ name: 'trackingNumber', label: 'Số hiệu bưu gửi', type: 'text', maxLength: 30 }],
        },
      ],
    },
    RETURNED_END,
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Không cấp đổi', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
    CANCELLED_UNPAID_END,
  ],
  notifications: {
    submitted: NOTICE.submitted,
    accepted: NOTICE.accepted,
    supplement: NOTICE.supplement,
    payment: {
      subject: 'Đề nghị nộp lệ phí hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nĐề nghị Ông/Bà nộp {{amount}} lệ phí cho hồ sơ {{code}} trước {{paymentDeadline}} tại: ' +
        '{{paymentLink}}\nQuá hạn, hồ sơ sẽ bị dừng xử lý.',
    },
    refused: NOTICE.refused,
    rejected: NOTICE.rejected,
    result: {
      subject: 'Đã có kết quả hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nGiấy phép lái xe số {{number}} đã được cấp đổi. ' +
        'Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
    'cancelled-unpaid': NOTICE['cancelled-unpaid'],
  },
};
