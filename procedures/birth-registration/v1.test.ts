/**
 * Đăng ký khai sinh, end to end at the wards of the demo data: on time and free, with the
 * certificate numbered in the ward's own register; late, with the provincial fee; late but
 * exempt (poor household); and an applicant the population database does not know.
 */
import { localIsoDate } from '../../domain/vietnam-time';
import { CITIZENS } from '../../sandboxes/registry/data';
import { runScenario } from '../../test/support/procedure-scenario';
import { resultText } from '../../test/support/pdf-text';
import { timelineEvent } from '../../test/support/read-model';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());


const CODE = '1.001193';

function citizen(citizenId: string) {
  const found = CITIZENS.find((c) => c.citizenId === citizenId);
  if (!found) throw new Error(`no demo citizen ${citizenId}`);
  return found;
}

/** A day `n` days before today, as the form stores dates. */
function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

/** The mother registers her child's birth. */
function formFor(motherId: string, commune: string, over: Record<string, string> = {}): Record<string, string> {
  const mother = citizen(motherId);
  return {
    commune,
    fullName: mother.fullName,
    citizenId: mother.citizenId,
    dateOfBirth: mother.dateOfBirth,
    relationship: 'me',
    childFullName: 'Nguyễn Minh Khôi',
    childGender: 'Nam',
    childDateOfBirth: daysAgo(10),
    childPlaceOfBirth: 'Bệnh viện Phụ sản Hà Nội',
    childEthnicity: 'Kinh',
    childNationality: 'Việt Nam',
    childHometown: 'Hà Nội',
    birthProof: 'giay-chung-sinh',
    motherFullName: mother.fullName,
    motherDateOfBirth: mother.dateOfBirth,
    motherEthnicity: 'Kinh',
    motherNationality: 'Việt Nam',
    motherResidence: 'Số 7 phố Hàng Bông, Phường Hoàn Kiếm, Hà Nội',
    fatherKnown: 'co',
    fatherFullName: 'Nguyễn Văn Long',
    fatherDateOfBirth: '1998-06-20',
    fatherEthnicity: 'Kinh',
    fatherNationality: 'Việt Nam',
    fatherResidence: 'Số 7 phố Hàng Bông, Phường Hoàn Kiếm, Hà Nội',
    registrationKind: 'dung-han',
    phone: '0987654321',
    ...over,
  };
}

/** The year of issue, Vietnam time, as numbers are made. */
const YEAR = localIsoDate(new Date()).slice(0, 4);

const MAI = '001301020734'; // Đặng Thị Mai
const NHUNG = '001195015592'; // Đỗ Thị Hồng Nhung

const signedInWard = (ward: 'hoankiem' | 'benthanh') => [
  { task: 'intake', as: `${ward}.tiepnhan`, action: 'accept' },
  { task: 'review', as: `${ward}.chuyenvien`, action: 'propose' },
  { task: 'approval', as: `${ward}.lanhdao`, action: 'approve' },
];

test('registers a birth on time, free, the same day, numbered in the ward register', async () => {
  const dossier = await runScenario(stack, {
    procedure: CODE,
    form: formFor(MAI, '00070'),
    steps: signedInWard('hoankiem'),
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: /^\d{4}\/\d{4}\/KS-00070$/, checks: { identity: 'match' } },
  });
  expect(dossier.agency.code).toBe('UBNDX-00070');
  expect(dossier.payment).toBeNull();
  expect(dossier.result?.title).toBe('Giấy khai sinh');
  expect(dossier.result?.number).toBe(`0001/${YEAR}/KS-00070`);
  const appointment = await timelineEvent(stack, dossier, 'appointment');
  expect(appointment.data?.workingDays).toBe(0);
  const text = await resultText(stack, dossier.code);
  expect(text).toContain('GIẤY KHAI SINH');
  expect(text).toContain('Họ, chữ đệm, tên: Nguyễn Minh Khôi');
  expect(text).toContain('Họ, chữ đệm, tên người cha: Nguyễn Văn Long');
  expect(text).toContain('Ngày sinh của người cha: 20/06/1998');
});

test('charges the provincial fee for a late registration, in another ward with its own register', async () => {
  const dossier = await runScenario(stack, {
    procedure: CODE,
    form: formFor(NHUNG, '26743', {
      childFullName: 'Trần Gia Hân',
      childGender: 'Nữ',
      childDateOfBirth: daysAgo(200),
      childPlaceOfBirth: 'Bệnh viện Từ Dũ',
      motherResidence: 'Số 15 đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh',
      fatherKnown: 'khong',
      fatherFullName: '',
      fatherDateOfBirth: '',
      fatherEthnicity: '',
      fatherNationality: '',
      fatherResidence: '',
      registrationKind: 'qua-han',
      feeExemption: 'khong',
    }),
    steps: [
      { task: 'intake', as: 'benthanh.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'review', as: 'benthanh.chuyenvien', action: 'propose' },
      { task: 'approval', as: 'benthanh.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: 8_000, resultNumber: /^\d{4}\/\d{4}\/KS-26743$/ },
  });
  expect(dossier.agency.code).toBe('UBNDX-26743');
  expect(dossier.payment?.status).toBe('paid');
  // Bến Thành keeps its own sequence: Hoàn Kiếm's first certificate does not count here.
  expect(dossier.result?.number).toBe(`0001/${YEAR}/KS-26743`);
  // No father determined: his lines are left out of the certificate.
  const text = await resultText(stack, dossier.code);
  expect(text).toContain('Họ, chữ đệm, tên: Trần Gia Hân');
  expect(text).toContain('Giới tính: Nữ');
  expect(text).toContain('Họ, chữ đệm, tên người mẹ: Đỗ Thị Hồng Nhung');
  expect(text).not.toContain('người cha');
});

test('asks nothing of a late registration for a child of a poor household', async () => {
  const dossier = await runScenario(stack, {
    procedure: CODE,
    form: formFor(MAI, '00070', { childFullName: 'Nguyễn Minh Anh', childGender: 'Nữ', childDateOfBirth: daysAgo(90), registrationKind: 'qua-han', feeExemption: 'ho-ngheo' }),
    steps: signedInWard('hoankiem'),
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: /^\d{4}\/\d{4}\/KS-00070$/ },
  });
  expect(dossier.payment).toBeNull();
  expect(dossier.result?.number).toBe(`0002/${YEAR}/KS-00070`);
});

test('a late registration must say whether an exemption applies; the father only when determined', async () => {
  const late = await stack.services.intake.submit({ procedureCode: CODE, form: formFor(MAI, '00070', { registrationKind: 'qua-han' }), channel: 'api' });
  expect(late).toMatchObject({ kind: 'invalid', errors: { feeExemption: 'Vui lòng chọn đối tượng miễn lệ phí' } });
  const noFather = await stack.services.intake.submit({ procedureCode: CODE, form: formFor(MAI, '00070', { fatherFullName: '' }), channel: 'api' });
  expect(noFather).toMatchObject({ kind: 'invalid', errors: { fatherFullName: 'Vui lòng nhập họ và tên người cha' } });
});

test('sends back an applicant whose birth date contradicts the population database, then registers once corrected', async () => {
  const mai = citizen(MAI);
  const dossier = await runScenario(stack, {
    procedure: CODE,
    form: formFor(MAI, '00070', { dateOfBirth: '2001-04-15', childFullName: 'Nguyễn Bảo Ngọc', childGender: 'Nữ' }),
    steps: [
      { task: 'intake-mismatch', as: 'hoankiem.tiepnhan', action: 'request-supplement', reason: 'Ngày sinh của người đi đăng ký không khớp với dữ liệu dân cư' },
      { supplement: { dateOfBirth: mai.dateOfBirth } },
      ...signedInWard('hoankiem'),
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, checks: { identity: 'match' } },
  });
  expect(dossier.form.dateOfBirth).toBe('2001-04-14');
  expect(dossier.supplement?.round).toBe(1);
});
