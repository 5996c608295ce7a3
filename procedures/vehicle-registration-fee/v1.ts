/**
 * Khai, nộp lệ phí trước bạ ô tô, xe máy — declaring and paying the registration fee before a
 * new car or motorbike is registered for the first time, with the provincial tax authority
 * (Thuế tỉnh, thành phố). The owner declares the vehicle and its taxable value; the vehicle is
 * checked against the Vietnam Register's quality certificate and the owner against the
 * population database; the tax officer assesses, the leader signs the notice ("Thông báo nộp lệ
 * phí trước bạ"), then the owner pays the amount online. Individuals only in this version.
 *
 * Rates (first registration), as a percentage of the taxable value:
 * - Motorbikes 2%; 5% for owners in centrally-run cities and in the city or town where the
 *   provincial People's Committee sits (Nghị định 10/2022/NĐ-CP, Art. 8): from memory, chưa xác
 *   minh; how the 2025 abolition of districts redraws the "provincial seat" area is not known.
 * - Passenger cars up to 9 seats 10%; a province may raise it by up to 50%. Hà Nội 12% by its
 *   People's Council resolution, Hồ Chí Minh 10%: chưa xác minh (other provinces at 12% — e.g.
 *   Hải Phòng, Quảng Ninh, Cần Thơ before the mergers — are left to administrators).
 * - Pick-ups under 950 kg with up to 5 seats and vans under 950 kg: 60% of the passenger-car rate
 *   (Nghị định 10/2022/NĐ-CP, from memory, chưa xác minh).
 * - Battery electric cars 0%: 0% for 3 years from 1 March 2022 is verified (Nghị định
 *   10/2022/NĐ-CP, vietnamindex.vn); the extension to 28 February 2027 by Nghị định 51/2025/NĐ-CP
 *   is chưa xác minh. The format has no effective dates, so the 0% rate must be edited when the
 *   period ends (engine gap).
 * - Other cars (trucks, more than 9 seats…) 2%.
 * The taxable value is what the owner declares here; the tax officer checks it against the
 * Ministry of Finance price table and asks for a corrected declaration when it is lower (the
 * format cannot look a price table up).
 *
 * Time limit 1 working day: chưa xác minh. National procedure code: not verified, so a local code.
 */
import type { Condition, ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { DATE_OF_BIRTH, PHONE } from '../shared/fields';
import { NOTICE } from '../shared/notifications';
import { CANCELLED_UNPAID_END, IDENTITY_CHECK, REFUSED_END, REFUSE_INTAKE, REQUEST_SUPPLEMENT, supplementStep } from '../shared/steps';

/** The six centrally-run cities since July 2025: Hà Nội, Huế, Hải Phòng, Đà Nẵng, Hồ Chí Minh, Cần Thơ. */
const CENTRAL_CITIES = ['01', '46', '31', '48', '79', '92'];
const HA_NOI = ['01'];

const type = (...values: string[]): Condition => ({ field: 'vehicleType', in: values });
const CARS = ['o-to-con', 'o-to-pick-up', 'o-to-khac'];

export const vehicleRegistrationFeeV1: ProcedureInput = {
  code: 'LPTB-XE',
  version: 1,
  status: 'published',
  name: 'Khai, nộp lệ phí trước bạ ô tô, xe máy đăng ký lần đầu',
  field: 'Thuế – Lệ phí trước bạ',
  level: 'province',
  agencyKind: 'tax',
  handlingAgency: 'Thuế tỉnh, thành phố',
  legalBasis: [
    'Luật Phí và lệ phí số 97/2015/QH13',
    'Luật Quản lý thuế số 38/2019/QH14',
    'Nghị định số 10/2022/NĐ-CP quy định về lệ phí trước bạ',
    'Nghị định số 51/2025/NĐ-CP sửa đổi Nghị định số 10/2022/NĐ-CP (lệ phí trước bạ ô tô điện chạy pin; chưa xác minh)',
    'Nghị định số 126/2020/NĐ-CP quy định chi tiết một số điều của Luật Quản lý thuế',
    'Nghị quyết của Hội đồng nhân dân thành phố Hà Nội về mức thu lệ phí trước bạ ô tô chở người dưới 10 chỗ (số hiệu chưa xác minh)',
  ],
  onlineLevel: 'full',
  processingDays: 1,
  fees: [
    {
      id: 'le-phi-truoc-ba',
      label: 'Lệ phí trước bạ',
      legalBasis: 'Nghị định số 10/2022/NĐ-CP, Điều 8',
      percent: {
        ofField: 'declaredValue',
        rates: [
          { when: { all: [type(...CARS), { field: 'fuel', in: ['dien'] }] }, rate: 0 },
          { when: { all: [type('o-to-con'), { field: 'province', in: HA_NOI }] }, rate: 12 },
          { when: type('o-to-con'), rate: 10 },
          { when: { all: [type('o-to-pick-up'), { field: 'province', in: HA_NOI }] }, rate: 7.2 },
          { when: type('o-to-pick-up'), rate: 6 },
          {
            when: { all: [type('xe-may'), { any: [{ field: 'province', in: CENTRAL_CITIES }, { field: 'motorbikeArea', in: ['tinh-ly'] }] }] },
            rate: 5,
          },
          { when: type('xe-may'), rate: 2 },
          { rate: 2 },
        ],
      },
    },
  ],
  documents: [
    {
      id: 'to-khai',
      name: 'Tờ khai lệ phí trước bạ ô tô, xe máy (kê khai trực tuyến)',
      template: 'Mẫu số 02/LPTB ban hành kèm Nghị định số 126/2020/NĐ-CP (chưa xác minh)',
    },
    { id: 'hoa-don', name: 'Hóa đơn bán hàng hoặc chứng từ chuyển nhượng tài sản hợp pháp', note: 'Hóa đơn điện tử: ghi số và ngày trên tờ khai' },
    {
      id: 'chung-nhan-chat-luong',
      name: 'Phiếu kiểm tra chất lượng xuất xưởng (xe sản xuất, lắp ráp trong nước) hoặc Giấy chứng nhận chất lượng (xe nhập khẩu)',
      note: 'Được đối chiếu với dữ liệu của Cục Đăng kiểm Việt Nam theo số khung, không cần bản chụp',
    },
    {
      id: 'giay-to-mien-giam',
      name: 'Giấy tờ chứng minh tài sản thuộc diện miễn lệ phí trước bạ (nếu có)',
      required: false,
    },
  ],
  form: {
    provinceField: 'province',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      { name: 'fullName', label: 'Họ và tên chủ tài sản', type: 'text', maxLength: 100, personal: true },
      { name: 'citizenId', label: 'Số căn cước / CCCD', type: 'citizen-id', personal: true, hint: '12 chữ số, cũng là mã số thuế cá nhân' },
      DATE_OF_BIRTH,
      { name: 'address', label: 'Địa chỉ cư trú', type: 'textarea', maxLength: 300, personal: true },
      { name: 'province', label: 'Tỉnh, thành phố nơi đăng ký xe', type: 'select', optionsFrom: 'provinces' },
      {
        name: 'vehicleType',
        label: 'Loại phương tiện',
        type: 'select',
        options: [
          { value: 'xe-may', label: 'Xe máy (mô tô hai bánh, ba bánh, xe gắn máy)' },
          { value: 'o-to-con', label: 'Ô tô chở người từ 9 chỗ ngồi trở xuống (kể cả lái xe)' },
          { value: 'o-to-pick-up', label: 'Ô tô pick-up chở hàng dưới 950 kg, đến 5 chỗ; ô tô tải VAN dưới 950 kg' },
          { value: 'o-to-khac', label: 'Ô tô khác (ô tô tải, ô tô chở người trên 9 chỗ…), rơ moóc, sơ mi rơ moóc' },
        ],
      },
      {
        name: 'fuel',
        label: 'Nguồn năng lượng',
        type: 'select',
        options: [
          { value: 'xang-dau', label: 'Xăng, dầu (kể cả hybrid)' },
          { value: 'dien', label: 'Điện chạy pin (BEV)' },
        ],
      },
      {
        name: 'motorbikeArea',
        label: 'Nơi cư trú của chủ xe máy',
        type: 'select',
        required: false,
        requiredWhen: { all: [type('xe-may'), { field: 'province', notIn: CENTRAL_CITIES }] },
        options: [
          { value: 'tinh-ly', label: 'Thành phố, thị xã nơi Ủy ban nhân dân tỉnh đóng trụ sở (mức 5%)' },
          { value: 'khac', label: 'Nơi khác (mức 2%)' },
        ],
        hint: 'Chỉ hỏi với xe máy ngoài các thành phố trực thuộc trung ương',
      },
      { name: 'brand', label: 'Nhãn hiệu', type: 'text', maxLength: 50 },
      { name: 'model', label: 'Số loại (tên thương mại)', type: 'text', maxLength: 80 },
      { name: 'frameNumber', label: 'Số khung', type: 'text', maxLength: 17, hint: '17 ký tự in trên phiếu kiểm tra chất lượng' },
      { name: 'engineNumber', label: 'Số máy', type: 'text', maxLength: 20 },
      { name: 'invoiceNumber', label: 'Số hóa đơn', type: 'text', maxLength: 30 },
      { name: 'invoiceDate', label: 'Ngày hóa đơn', type: 'date', dateRange: 'past' },
      {
        name: 'declaredValue',
        label: 'Giá tính lệ phí trước bạ (đồng)',
        type: 'number',
        min: 1_000_000,
        max: 100_000_000_000,
        hint: 'Giá theo Bảng giá tính lệ phí trước bạ của Bộ Tài chính; xe chưa có trong Bảng giá: giá trên hóa đơn (gồm thuế GTGT)',
      },
      PHONE,
      { name: 'email', label: 'Thư điện tử', type: 'email', personal: true, hint: 'Nhận thông báo nộp lệ phí' },
    ],
  },
  numberingSchemes: {
    // Fictional layout: a sequence per year and province.
    'thong-bao-lptb': { pattern: '{seq:6}/{yyyy}/TB-LPTB-{province}' },
  },
  start: 'intake',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận tờ khai',
      role: 'receiver',
      status: STATUS.REGISTERED,
      instructions:
        'Kiểm tra tờ khai và hóa đơn; tiếp nhận, yêu cầu bổ sung hoặc từ chối. Khi hồ sơ trở lại từ bước đối chiếu ' +
        '(giấy chứng nhận chất lượng bị thu hồi, số khung không có, người khai không khớp), xem kết quả đối chiếu trước khi quyết định.',
      actions: [
        {
          id: 'accept',
          label: 'Tiếp nhận tờ khai',
          next: 'verify',
          style: 'primary',
          emitsStatus: STATUS.ACCEPTED,
          setsAppointment: true,
          notify: 'accepted',
        },
        REQUEST_SUPPLEMENT,
        REFUSE_INTAKE,
      ],
    },
    supplementStep('Chờ người nộp khai bổ sung', 'intake'),
    {
      id: 'verify',
      kind: 'check',
      name: 'Đối chiếu dữ liệu',
      status: STATUS.IN_PROGRESS,
      checks: [
        IDENTITY_CHECK,
        {
          id: 'vehicle',
          check: 'vehicle.quality-certificate',
          label: 'Dữ liệu chứng nhận chất lượng xe cơ giới',
          input: { frameNumber: 'frameNumber' },
        },
      ],
      next: 'assess',
      onMismatch: 'intake',
    },
    {
      id: 'assess',
      kind: 'task',
      name: 'Xác định số lệ phí phải nộp',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      // Shares are whole days until working hours come: the one day of the time limit is the assessment's
      // (was 0.25 intake, 0.5 assessment, 0.25 signature, each rounded up to a day by the interpreter).
      workingDays: 1,
      instructions:
        'So loại xe, nhãn hiệu, số loại, số chỗ với kết quả đối chiếu (loại phương tiện quyết định tỷ lệ thu); so giá tính ' +
        'với Bảng giá của Bộ Tài chính. Giá khai thấp hơn Bảng giá hoặc loại xe khai sai: yêu cầu khai bổ sung. ' +
        'Ghi số tiền lệ phí hệ thống đã tính (mục Lệ phí của hồ sơ) để in trên Thông báo.',
      actions: [
        {
          id: 'propose',
          label: 'Trình ký Thông báo',
          next: 'approval',
          style: 'primary',
          inputs: [
            {
              name: 'amountDue',
              label: 'Số tiền lệ phí trước bạ phải nộp (đồng)',
              type: 'number',
              min: 0,
              hint: 'Bằng số tiền hệ thống đã tính theo giá tính và tỷ lệ thu',
            },
          ],
        },
        { id: 'request-supplement', label: 'Yêu cầu khai bổ sung', next: 'supplement', requires: ['reason'] },
        { id: 'reject', label: 'Không thuộc diện nộp tại cơ quan thuế này', next: 'rejected', requires: ['reason'], style: 'danger' },
      ],
    },
    {
      id: 'approval',
      kind: 'task',
      name: 'Ký Thông báo nộp lệ phí trước bạ',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      actions: [
        { id: 'approve', label: 'Ký Thông báo', next: 'issue', style: 'primary' },
        { id: 'return-to-assess', label: 'Trả lại chuyên viên', next: 'assess', requires: ['reason'] },
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Ban hành Thông báo nộp lệ phí trước bạ',
      document: {
        template: 'certificate',
        title: 'Thông báo nộp lệ phí trước bạ',
        subtitle: 'Ô tô, xe máy đăng ký lần đầu',
        numbering: 'thong-bao-lptb',
        fields: [
          { label: 'Người nộp lệ phí', value: '{{form.fullName}}' },
          { label: 'Mã số thuế (số định danh cá nhân)', value: '{{form.citizenId}}' },
          { label: 'Địa chỉ', value: '{{form.address}}' },
          { label: 'Tài sản', value: '{{form.brand}} {{form.model}}, số khung {{form.frameNumber}}, số máy {{form.engineNumber}}' },
          { label: 'Hóa đơn', value: 'Số {{form.invoiceNumber}} ngày {{form.invoiceDate}}' },
          { label: 'Giá tính lệ phí trước bạ (đồng)', value: '{{form.declaredValue}}' },
          { label: 'Số tiền lệ phí trước bạ phải nộp (đồng)', value: '{{inputs.amountDue}}' },
          { label: 'Hạn nộp', value: 'Nộp trực tuyến theo yêu cầu thanh toán gửi kèm Thông báo này' },
        ],
      },
      next: 'payment',
    },
    {
      id: 'payment',
      kind: 'payment',
      name: 'Nộp lệ phí trước bạ',
      status: STATUS.AWAITING_PAYMENT,
      fees: ['le-phi-truoc-ba'],
      notify: 'payment',
      next: 'returned',
      onTimeout: 'cancelled-unpaid',
    },
    { id: 'returned', kind: 'end', name: 'Hoàn thành nghĩa vụ lệ phí trước bạ', outcome: 'completed', status: STATUS.RESULT_RETURNED, notify: 'result' },
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Không giải quyết', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
    CANCELLED_UNPAID_END,
  ],
  notifications: {
    submitted: {
      subject: 'Đã nhận tờ khai {{code}}',
      body:
        'Kính gửi {{name}},\n\nTờ khai "{{procedure}}" của Ông/Bà đã được đăng ký với mã {{code}}. ' +
        'Ông/Bà có thể tra cứu tình trạng hồ sơ tại {{lookupLink}}.',
    },
    accepted: {
      subject: 'Tờ khai {{code}} đã được tiếp nhận',
      body:
        'Kính gửi {{name}},\n\nTờ khai {{code}} đã được cơ quan thuế tiếp nhận. Ngày hẹn trả Thông báo: {{appointment}}. ' +
        'Tra cứu: {{lookupLink}}.',
    },
    supplement: {
      subject: 'Yêu cầu khai bổ sung hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nTờ khai {{code}} cần khai bổ sung, điều chỉnh: {{reason}}\n\n' +
        'Ông/Bà vui lòng khai bổ sung tại: {{supplementLink}}',
    },
    payment: {
      subject: 'Thông báo nộp lệ phí trước bạ – hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nCơ quan thuế đã ban hành Thông báo nộp lệ phí trước bạ. Đề nghị Ông/Bà nộp {{amount}} ' +
        'trước {{paymentDeadline}} tại: {{paymentLink}}\nQuá hạn, hồ sơ sẽ bị dừng xử lý.',
    },
    refused: {
      subject: 'Tờ khai {{code}} không được tiếp nhận',
      body: 'Kính gửi {{name}},\n\nTờ khai {{code}} không được tiếp nhận. Lý do: {{reason}}',
    },
    rejected: NOTICE.rejected,
    result: {
      subject: 'Đã hoàn thành nghĩa vụ lệ phí trước bạ – hồ sơ {{code}}',
      body:
        'Kính gửi {{name}},\n\nThông báo nộp lệ phí trước bạ số {{number}} đã được ban hành và nghĩa vụ lệ phí đã hoàn thành; ' +
        'dữ liệu được chia sẻ với cơ quan đăng ký xe. Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
    'cancelled-unpaid': {
      subject: 'Hồ sơ {{code}} đã dừng xử lý',
      body:
        'Kính gửi {{name}},\n\nHồ sơ {{code}} đã dừng xử lý do lệ phí trước bạ chưa được nộp trong thời hạn. ' +
        'Ông/Bà có thể khai lại khi có nhu cầu.',
    },
  },
};
