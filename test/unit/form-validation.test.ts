import { drivingLicenceRenewalV1 } from '../../procedures/driving-licence-renewal/v1';
import type { ProcedureDefinition } from '../../engine/definition';
import { holds } from '../../engine/conditions';
import { fieldOptions, isFieldRequired, parseDate, validateForm } from '../../engine/form';
import { validateDefinition } from '../../engine/validate';

const TODAY = '2026-11-24';

function parsedDefinition(): ProcedureDefinition {
  const result = validateDefinition(drivingLicenceRenewalV1);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}
const definition = parsedDefinition();
const field = (name: string) => definition.form.fields.find((f) => f.name === name)!;

/** A complete renewal of a class B licence, as typed into the web form. */
const complete = {
  fullName: 'Nguyễn Thị Hương',
  citizenId: '001190012345',
  dateOfBirth: '05/02/1990',
  licenceNumber: '012345678901',
  licenceClass: 'B',
  renewalReason: 'het-han',
  healthCertificateNumber: 'GKSK-2026/123',
  healthCertificateDate: '2026-11-01',
  province: '01',
  phone: '0912 345 678',
  email: 'Huong.Nguyen@Example.VN',
  address: '',
};

const validate = (changes: Record<string, unknown> = {}, onlyFields?: string[]) =>
  validateForm(definition, { ...complete, ...changes }, TODAY, onlyFields);
const errorsOf = (changes: Record<string, unknown>) => {
  const result = validate(changes);
  return result.ok ? {} : result.errors;
};

describe('validating an applicant’s form', () => {
  test('accepts a complete renewal and returns the values in their stored form', () => {
    const result = validate();
    expect(result).toEqual({
      ok: true,
      values: {
        ...complete,
        dateOfBirth: '1990-02-05',
        phone: '0912345678',
        email: 'huong.nguyen@example.vn',
      },
    });
  });

  test('drops keys that are not fields of the procedure', () => {
    const result = validate({ isAdmin: 'true', __proto__x: 'x' });
    expect(result.ok).toBe(true);
    expect(Object.keys(result.values).sort()).toEqual(Object.keys(complete).sort());
  });

  test('asks for each missing required field by its Vietnamese label', () => {
    const result = validateForm(definition, {}, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fullName).toBe('Vui lòng nhập họ và tên');
    expect(result.errors.dateOfBirth).toBe('Vui lòng nhập ngày sinh');
    expect(result.errors.licenceClass).toBe('Vui lòng chọn hạng giấy phép lái xe');
    expect(result.errors.province).toBe('Vui lòng chọn nơi nộp hồ sơ (tỉnh, thành phố)');
    expect(result.errors.email).toBe('Vui lòng nhập thư điện tử');
    expect(result.errors.address).toBeUndefined();
  });

  test('keeps an acronym in a label as written when asking for the field', () => {
    expect(errorsOf({ citizenId: '' }).citizenId).toBe('Vui lòng nhập số căn cước / CCCD');
  });

  test('treats a value of only spaces, null or undefined as missing', () => {
    expect(errorsOf({ fullName: '   ' }).fullName).toBe('Vui lòng nhập họ và tên');
    expect(errorsOf({ fullName: null }).fullName).toBe('Vui lòng nhập họ và tên');
    expect(errorsOf({ fullName: undefined }).fullName).toBe('Vui lòng nhập họ và tên');
  });

  test('returns the submitted values with the errors so the form can be shown again', () => {
    const result = validate({ citizenId: '12345' });
    expect(result.ok).toBe(false);
    expect(result.values.citizenId).toBe('12345');
    expect(result.values.fullName).toBe('Nguyễn Thị Hương');
  });
});

describe('the health certificate of a driving-licence renewal', () => {
  const withoutCertificate = { healthCertificateNumber: '', healthCertificateDate: '' };

  test('is required for a class B licence', () => {
    expect(errorsOf({ licenceClass: 'B', ...withoutCertificate })).toEqual({
      healthCertificateNumber: 'Vui lòng nhập số giấy khám sức khỏe',
      healthCertificateDate: 'Vui lòng nhập ngày khám sức khỏe',
    });
  });

  test.each(['A1', 'A', 'A2', 'A3', 'B1'])('is not required for a class %s licence', (licenceClass) => {
    expect(validate({ licenceClass, ...withoutCertificate }).ok).toBe(true);
  });

  test('is still checked when given for a motorcycle licence', () => {
    expect(errorsOf({ licenceClass: 'A1', healthCertificateDate: '2027-01-01' }).healthCertificateDate).toBe(
      'Ngày khám sức khỏe không được sau ngày hôm nay',
    );
  });

  test('follows the condition written in the definition', () => {
    const number = field('healthCertificateNumber');
    expect(isFieldRequired(number, { licenceClass: 'C' })).toBe(true);
    expect(isFieldRequired(number, { licenceClass: 'A1' })).toBe(false);
    expect(isFieldRequired(field('address'), {})).toBe(false);
    expect(isFieldRequired(field('fullName'), {})).toBe(true);
  });
});

describe('conditions on field values', () => {
  test('hold when the value is in `in` and not in `notIn`', () => {
    expect(holds({ field: 'k', in: ['B', 'C'] }, { form: { k: 'B' } })).toBe(true);
    expect(holds({ field: 'k', in: ['B', 'C'] }, { form: { k: 'A1' } })).toBe(false);
    expect(holds({ field: 'k', notIn: ['A1'] }, { form: { k: 'A1' } })).toBe(false);
    expect(holds({ field: 'k', notIn: ['A1'] }, { form: { k: 'B' } })).toBe(true);
  });

  test('read a missing field as empty', () => {
    expect(holds({ field: 'k', in: [''] }, { form: {} })).toBe(true);
    expect(holds({ field: 'k', in: ['B'] }, { form: {} })).toBe(false);
  });
});

describe('dates', () => {
  test.each([
    ['1990-02-05', '1990-02-05'],
    ['05/02/1990', '1990-02-05'],
    ['5/2/1990', '1990-02-05'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  test.each(['31/02/1990', '29/02/2026', '1990-2-5', '1990/02/05', '05-02-1990', '05/02/90', '01/01/1899', '', 'hôm nay'])(
    'refuses %j',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );

  test('stores a date typed as dd/mm/yyyy in ISO form', () => {
    expect(validate({ dateOfBirth: '5/2/1990' }).values.dateOfBirth).toBe('1990-02-05');
  });

  test('explains an impossible date in the day/month/year order', () => {
    expect(errorsOf({ dateOfBirth: '31/02/1990' }).dateOfBirth).toBe('Ngày sinh không hợp lệ (ngày/tháng/năm)');
  });

  test('refuses a date of birth in the future but accepts today', () => {
    expect(errorsOf({ dateOfBirth: '25/11/2026' }).dateOfBirth).toBe('Ngày sinh không được sau ngày hôm nay');
    expect(errorsOf({ dateOfBirth: TODAY }).dateOfBirth).toBeUndefined();
  });

  test('refuses a past date for a field that must lie in the future', () => {
    const form = { form: { ...definition.form, fields: [{ ...field('dateOfBirth'), name: 'startDate', label: 'Ngày bắt đầu', dateRange: 'future' as const }] } };
    const result = validateForm(form, { startDate: '2026-11-23' }, TODAY);
    expect(result.ok ? {} : result.errors).toEqual({ startDate: 'Ngày bắt đầu không được trước ngày hôm nay' });
    expect(validateForm(form, { startDate: TODAY }, TODAY).ok).toBe(true);
  });
});

describe('text normalisation and field types', () => {
  test('stores decomposed (NFD) Vietnamese in composed form (NFC)', () => {
    const typed = 'Nguyễn Thị Hương'.normalize('NFD');
    expect(typed).not.toBe('Nguyễn Thị Hương'.normalize('NFC'));
    expect(validate({ fullName: typed }).values.fullName).toBe('Nguyễn Thị Hương'.normalize('NFC'));
  });

  test('trims and collapses runs of white space', () => {
    expect(validate({ fullName: '  Nguyễn   Thị\tHương ' }).values.fullName).toBe('Nguyễn Thị Hương');
  });

  test('requires a citizen id of exactly 12 digits', () => {
    expect(errorsOf({ citizenId: '00119001234' }).citizenId).toBe('Số căn cước / CCCD phải gồm đúng 12 chữ số');
    expect(errorsOf({ citizenId: '00119001234a' }).citizenId).toBe('Số căn cước / CCCD phải gồm đúng 12 chữ số');
  });

  test('requires a digits field to have its declared length', () => {
    expect(errorsOf({ licenceNumber: '1234567890123' }).licenceNumber).toBe('Số giấy phép lái xe phải gồm đúng 12 chữ số');
  });

  test('accepts only the choices of a select field', () => {
    expect(errorsOf({ licenceClass: 'Z' }).licenceClass).toBe('Hạng giấy phép lái xe: lựa chọn không hợp lệ');
    expect(errorsOf({ province: '99' }).province).toBe('Nơi nộp hồ sơ (tỉnh, thành phố): lựa chọn không hợp lệ');
  });

  test('offers the 34 provinces as choices of a province field', () => {
    const options = fieldOptions(field('province'));
    expect(options).toHaveLength(34);
    expect(options).toContainEqual({ value: '01', label: 'Hà Nội' });
  });

  test('accepts Vietnamese phone numbers with or without +84, spaces, dots and dashes', () => {
    expect(validate({ phone: '+84 912.345.678' }).values.phone).toBe('+84912345678');
    expect(validate({ phone: '0912-345-678' }).values.phone).toBe('0912345678');
    expect(errorsOf({ phone: '12345' }).phone).toBe('Số điện thoại không hợp lệ (ví dụ 0912345678)');
  });

  test('refuses a malformed e-mail address', () => {
    expect(errorsOf({ email: 'huong@' }).email).toBe('Thư điện tử không hợp lệ');
  });

  test('refuses text longer than the field allows', () => {
    expect(errorsOf({ fullName: 'a'.repeat(101) }).fullName).toBe('Họ và tên không được dài quá 100 ký tự');
    expect(errorsOf({ fullName: 'a'.repeat(100) }).fullName).toBeUndefined();
  });
});

describe('validating part of a form (supplement page)', () => {
  test('checks only the listed fields but returns every value', () => {
    const result = validateForm(definition, { ...complete, citizenId: 'bad', fullName: '' }, TODAY, ['citizenId']);
    expect(result.ok ? {} : result.errors).toEqual({ citizenId: 'Số căn cước / CCCD phải gồm đúng 12 chữ số' });
    expect(Object.keys(result.values).sort()).toEqual(Object.keys(complete).sort());
  });

  test('applies conditions to the other fields’ submitted values', () => {
    const result = validateForm(definition, { ...complete, licenceClass: 'C', healthCertificateNumber: '' }, TODAY, [
      'healthCertificateNumber',
    ]);
    expect(result.ok ? {} : result.errors).toEqual({ healthCertificateNumber: 'Vui lòng nhập số giấy khám sức khỏe' });
  });
});
