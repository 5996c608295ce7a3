/**
 * Cấp điện mới từ lưới điện hạ áp — a new low-voltage electricity connection, one of the
 * national portal's launch services (Dec 2019). Handled by the provincial electricity company
 * (Công ty Điện lực, EVN group), not a state agency: no state fee; the customer pays only the
 * wiring from the connection point to the premises (the meter and switchgear are the
 * company's).
 *
 * Time limit (verified, EVN's published service commitment for "Dịch vụ cấp điện mới hạ áp"):
 * at most 5 working days; at most 7 when poles, underground cable or current transformers must
 * be added. Services covered by that commitment: domestic supply (also shared or split meters)
 * and non-domestic supply below or from 40 kW; the customer gives identity papers, papers on
 * the premises, the purpose of use for non-domestic supply and a load chart from 40 kW.
 *
 * Flow: the applicant's identity is checked in the national population database; a receiver
 * takes the request; a specialist surveys the site and records the connection point; the
 * meter is installed and its serial number and first reading recorded; a leader signs the
 * supply contract, which is the result (contract number, meter number, connection point).
 *
 * Unverified: the split of the days between steps; the contract number pattern. The longer
 * time limit follows what the applicant declares (see `extraWorks`): a time limit cannot
 * follow what the survey finds, which the engine cannot express (reported as a gap).
 */
import type { ProcedureInput } from '../../engine/definition';
import { STATUS } from '../../domain/portal-status';
import { CITIZEN_ID, DATE_OF_BIRTH, PHONE } from '../shared/fields';
import { IDENTITY_CHECK, REFUSED_END, REFUSE_INTAKE, REQUEST_SUPPLEMENT, supplementStep } from '../shared/steps';

export const electricityConnectionV1: ProcedureInput = {
  code: 'EVN-CAP-DIEN-HA-AP',
  version: 1,
  status: 'published',
  name: 'Cấp điện mới từ lưới điện hạ áp',
  field: 'Điện lực – Cung cấp điện',
  level: 'province',
  agencyKind: 'electricity',
  handlingAgency: 'Công ty Điện lực tỉnh, thành phố (Tập đoàn Điện lực Việt Nam)',
  legalBasis: [
    'Luật Điện lực số 61/2024/QH15',
    'Cam kết dịch vụ cấp điện mới hạ áp của Tập đoàn Điện lực Việt Nam (EVN)',
  ],
  onlineLevel: 'full',
  processingDays: 5,
  processingRules: [
    {
      when: { field: 'extraWorks', in: ['co'] },
      days: 7,
      note: 'Phải lắp dựng thêm cột, cáp ngầm hoặc lắp đặt máy biến dòng điện',
    },
  ],
  // No state fee or charge; the customer's own wiring is not a fee of this procedure.
  fees: [],
  documents: [
    { id: 'giay-de-nghi', name: 'Giấy đề nghị mua điện (kê khai trực tuyến)' },
    {
      id: 'giay-to-tuy-than',
      name: 'Giấy tờ tùy thân của người đề nghị',
      note: 'Nộp trực tuyến: được đối chiếu với Cơ sở dữ liệu quốc gia về dân cư, không cần bản sao',
    },
    { id: 'giay-to-dia-diem', name: 'Giấy tờ xác định chủ thể tại địa điểm mua điện (quyền sở hữu, quyền sử dụng hoặc thuê nhà, đất)' },
    {
      id: 'muc-dich',
      name: 'Giấy tờ xác định mục đích sử dụng điện (giấy chứng nhận đăng ký kinh doanh…)',
      requiredWhen: { field: 'purpose', notIn: ['sinh-hoat'] },
    },
    {
      id: 'bieu-do-phu-tai',
      name: 'Đăng ký biểu đồ phụ tải',
      requiredWhen: { field: 'purpose', in: ['ngoai-sinh-hoat-tu-40kw'] },
    },
  ],
  form: {
    provinceField: 'province',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId', emailField: 'email', phoneField: 'phone' },
    fields: [
      { name: 'fullName', label: 'Họ và tên người đề nghị mua điện', type: 'text', maxLength: 100, personal: true },
      CITIZEN_ID,
      DATE_OF_BIRTH,
      PHONE,
      { name: 'email', label: 'Thư điện tử', type: 'email', personal: true, required: false, hint: 'Nhận thông báo về yêu cầu' },
      { name: 'province', label: 'Tỉnh, thành phố nơi sử dụng điện', type: 'select', optionsFrom: 'provinces' },
      { name: 'supplyAddress', label: 'Địa chỉ nơi sử dụng điện', type: 'textarea', maxLength: 300, personal: true },
      {
        name: 'purpose',
        label: 'Mục đích sử dụng điện',
        type: 'select',
        options: [
          { value: 'sinh-hoat', label: 'Sinh hoạt' },
          { value: 'ngoai-sinh-hoat-duoi-40kw', label: 'Ngoài sinh hoạt (sản xuất, kinh doanh, dịch vụ), công suất dưới 40 kW' },
          { value: 'ngoai-sinh-hoat-tu-40kw', label: 'Ngoài sinh hoạt, công suất từ 40 kW' },
        ],
      },
      {
        name: 'phases',
        label: 'Loại công tơ đề nghị',
        type: 'select',
        options: [
          { value: '1-pha', label: 'Một pha' },
          { value: '3-pha', label: 'Ba pha' },
        ],
      },
      {
        name: 'siteDocument',
        label: 'Giấy tờ về địa điểm mua điện',
        type: 'select',
        options: [
          { value: 'so-huu', label: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở' },
          { value: 'thue', label: 'Hợp đồng thuê nhà, thuê địa điểm' },
          { value: 'khac', label: 'Giấy tờ khác chứng minh quyền sử dụng địa điểm' },
        ],
      },
      {
        name: 'extraWorks',
        label: 'Cần lắp dựng thêm cột điện, cáp ngầm hoặc máy biến dòng điện',
        type: 'select',
        options: [
          { value: 'khong', label: 'Không – gần lưới điện hạ áp hiện có' },
          { value: 'co', label: 'Có hoặc chưa rõ – thời hạn tối đa 7 ngày làm việc' },
        ],
        hint: 'Điện lực xác định khi khảo sát hiện trường',
      },
    ],
  },
  numberingSchemes: { 'hop-dong': { pattern: '{agency}/{yy}/HDMBD/{seq:6}' } },
  start: 'verify-identity',
  submittedNotify: 'submitted',
  steps: [
    {
      id: 'verify-identity',
      kind: 'check',
      name: 'Đối chiếu thông tin người đề nghị',
      checks: [IDENTITY_CHECK],
      next: 'intake',
      onMismatch: 'identity-route',
    },
    {
      // A register out of reach is no finding: the receiver checks the identity papers at intake.
      id: 'identity-route',
      kind: 'branch',
      name: 'Phân loại kết quả đối chiếu',
      cases: [{ when: { check: 'identity', outcome: 'error' }, next: 'intake' }],
      otherwise: 'identity-mismatch',
    },
    {
      id: 'identity-mismatch',
      kind: 'task',
      name: 'Xử lý thông tin nhân thân không khớp',
      role: 'receiver',
      status: STATUS.REGISTERED,
      instructions: 'Thông tin nhân thân không khớp với Cơ sở dữ liệu quốc gia về dân cư. Yêu cầu khách hàng kê khai lại hoặc từ chối.',
      actions: [
        { id: 'request-supplement', label: 'Yêu cầu kê khai lại', next: 'supplement', requires: ['reason'], style: 'primary' },
        REFUSE_INTAKE,
      ],
    },
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận yêu cầu cấp điện',
      role: 'receiver',
      status: STATUS.REGISTERED,
      workingDays: 1,
      instructions: 'Kiểm tra giấy tờ về địa điểm và mục đích sử dụng điện; tiếp nhận, yêu cầu bổ sung hoặc từ chối.',
      actions: [
        { id: 'accept', label: 'Tiếp nhận yêu cầu', next: 'survey', style: 'primary', emitsStatus: STATUS.ACCEPTED, setsAppointment: true, notify: 'accepted' },
        REQUEST_SUPPLEMENT,
        REFUSE_INTAKE,
      ],
    },
    supplementStep('Chờ khách hàng bổ sung', 'verify-identity'),
    {
      id: 'survey',
      kind: 'task',
      name: 'Khảo sát hiện trường',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      workingDays: 2,
      instructions:
        'Khảo sát nơi sử dụng điện cùng khách hàng; xác định điểm đấu nối, vị trí đặt công tơ; ' +
        'thỏa thuận phần đầu tư của khách hàng từ điểm đấu nối đến nơi sử dụng điện.',
      actions: [
        {
          id: 'surveyed',
          label: 'Đủ điều kiện cấp điện',
          next: 'installation',
          style: 'primary',
          inputs: [
            { name: 'supplyPoint', label: 'Điểm đấu nối', type: 'text', maxLength: 200, hint: 'Ví dụ: cột hạ áp số 12, lộ 1, trạm biến áp Hàng Bài 3' },
            { name: 'meterLocation', label: 'Vị trí đặt công tơ', type: 'text', maxLength: 200 },
          ],
        },
        REQUEST_SUPPLEMENT,
        { id: 'not-feasible', label: 'Không đủ điều kiện cấp điện', next: 'rejected', requires: ['reason'], style: 'danger' },
      ],
    },
    {
      id: 'installation',
      kind: 'task',
      name: 'Lắp đặt công tơ, đóng điện',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      // 1 day (was 1.5): shares are whole days until working hours come, and 1 + 2 + 1 + 1 fill the 5 days.
      workingDays: 1,
      instructions: 'Lắp đặt công tơ, niêm phong, đóng điện; ghi số công tơ và chỉ số ban đầu.',
      actions: [
        {
          id: 'installed',
          label: 'Đã lắp đặt và đóng điện',
          next: 'signing',
          style: 'primary',
          inputs: [
            { name: 'meterSerial', label: 'Số công tơ', type: 'text', maxLength: 30 },
            { name: 'initialReading', label: 'Chỉ số công tơ ban đầu (kWh)', type: 'number', min: 0 },
          ],
        },
      ],
    },
    {
      id: 'signing',
      kind: 'task',
      name: 'Ký hợp đồng mua bán điện',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      workingDays: 1,
      instructions: 'Kiểm tra biên bản khảo sát, lắp đặt; ký hợp đồng mua bán điện hoặc trả lại.',
      actions: [
        { id: 'sign', label: 'Ký hợp đồng mua bán điện', next: 'issue', style: 'primary', emitsStatus: STATUS.PROCESSED },
        { id: 'return-to-installation', label: 'Trả lại bộ phận lắp đặt', next: 'installation', requires: ['reason'] },
      ],
    },
    {
      id: 'issue',
      kind: 'issue',
      name: 'Phát hành hợp đồng mua bán điện',
      status: STATUS.PROCESSED,
      document: {
        template: 'certificate',
        title: 'Hợp đồng mua bán điện',
        subtitle: 'Cấp điện mới từ lưới điện hạ áp',
        numbering: 'hop-dong',
        fields: [
          { label: 'Số hợp đồng', value: '{{number}}' },
          { label: 'Bên mua điện', value: '{{form.fullName}}' },
          { label: 'Số căn cước', value: '{{form.citizenId}}' },
          { label: 'Địa chỉ sử dụng điện', value: '{{form.supplyAddress}}' },
          // A select prints its value, not its label, so the purpose of use is left off (reported as a gap).
          { label: 'Điểm đấu nối', value: '{{inputs.supplyPoint}}' },
          { label: 'Vị trí đặt công tơ', value: '{{inputs.meterLocation}}' },
          { label: 'Số công tơ', value: '{{inputs.meterSerial}}' },
          { label: 'Chỉ số công tơ ban đầu (kWh)', value: '{{inputs.initialReading}}' },
        ],
      },
      next: 'returned',
    },
    { id: 'returned', kind: 'end', name: 'Hoàn thành cấp điện', outcome: 'completed', status: STATUS.RESULT_RETURNED, notify: 'result' },
    REFUSED_END,
    { id: 'rejected', kind: 'end', name: 'Không đủ điều kiện cấp điện', outcome: 'rejected', status: STATUS.RESULT_RETURNED, notify: 'rejected' },
  ],
  notifications: {
    submitted: {
      subject: 'Đã nhận yêu cầu cấp điện {{code}}',
      body: 'Kính gửi {{name}},\n\nYêu cầu "{{procedure}}" đã được đăng ký với mã {{code}}. Tra cứu tại {{lookupLink}}.',
    },
    accepted: {
      subject: 'Yêu cầu cấp điện {{code}} đã được tiếp nhận',
      body:
        'Kính gửi {{name}},\n\nĐiện lực đã tiếp nhận yêu cầu {{code}} và sẽ liên hệ để khảo sát hiện trường. ' +
        'Hẹn hoàn thành: {{appointment}}. Tra cứu: {{lookupLink}}.',
    },
    supplement: {
      subject: 'Yêu cầu bổ sung – {{code}}',
      body: 'Kính gửi {{name}},\n\nYêu cầu cấp điện {{code}} cần bổ sung: {{reason}}\n\nĐề nghị bổ sung tại: {{supplementLink}}',
    },
    refused: {
      subject: 'Yêu cầu cấp điện {{code}} không được tiếp nhận',
      body: 'Kính gửi {{name}},\n\nYêu cầu {{code}} không được tiếp nhận. Lý do: {{reason}}',
    },
    rejected: {
      subject: 'Chưa đủ điều kiện cấp điện – {{code}}',
      body: 'Kính gửi {{name}},\n\nĐiện lực chưa thể cấp điện theo yêu cầu {{code}}. Lý do: {{reason}}',
    },
    result: {
      subject: 'Đã cấp điện – hợp đồng {{number}}',
      body:
        'Kính gửi {{name}},\n\nĐiện lực đã đóng điện và ký hợp đồng mua bán điện số {{number}}. ' +
        'Bản điện tử: {{resultLink}}. Tra cứu: {{lookupLink}}.',
    },
  },
};
