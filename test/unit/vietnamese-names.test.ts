import { nameKey, nameOnResult, sameNameUpToSpelling, tidyName } from '../../domain/vietnamese-names';

describe('sameNameUpToSpelling', () => {
  test.each([
    ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa'],
    ['Lê Thuỷ', 'Lê Thủy'],
    ['Trần Thuý Nga', 'Trần Thúy Nga'],
    ['Phạm Quốc Khoẻ', 'Phạm Quốc Khỏe'],
    ['Nguyễn Thị Hòa'.normalize('NFD'), 'Nguyễn Thị Hòa'.normalize('NFC')],
    ['  nguyễn   thị  hòa ', 'NGUYỄN THỊ HÒA'],
  ])('%s and %s are one name', (a, b) => {
    expect(sameNameUpToSpelling(a, b)).toBe(true);
    expect(nameKey(a)).toBe(nameKey(b));
  });

  test.each([
    ['Nguyen Thi Hoa', 'Nguyễn Thị Hòa'],
    ['Nguyễn Thị Hoa', 'Nguyễn Thị Hòa'],
    ['Nguyễn Thị Hỏa', 'Nguyễn Thị Hòa'],
    ['Nguyễn Thị Hòa', 'Nguyễn Hòa'],
    ['Lê Thủy', 'Lê Thùy'],
    ['', ''],
  ])('%s and %s are different names', (a, b) => {
    expect(sameNameUpToSpelling(a, b)).toBe(false);
  });
});

describe('nameOnResult', () => {
  test('prints the registry spelling and keeps the applicant spelling beside it', () => {
    expect(nameOnResult('Nguyễn Thị Hoà', 'Nguyễn Thị Hòa')).toEqual({ printed: 'Nguyễn Thị Hòa', applicantSpelling: 'Nguyễn Thị Hoà', source: 'registry' });
  });
  test('a registry in capitals prints as a name is written', () => {
    expect(nameOnResult('lê thuỷ', 'LÊ THỦY')).toEqual({ printed: 'Lê Thủy', applicantSpelling: 'lê thuỷ', source: 'registry' });
  });
  test('the same spelling in another Unicode form is not a difference to show', () => {
    expect(nameOnResult('Nguyễn Thị Hòa'.normalize('NFD'), 'Nguyễn Thị Hòa')).toEqual({ printed: 'Nguyễn Thị Hòa', source: 'registry' });
  });
  test('a different name never replaces what the applicant declared', () => {
    expect(nameOnResult('Nguyễn Thị Hoa', 'Nguyễn Thị Hòa')).toEqual({ printed: 'Nguyễn Thị Hoa', source: 'applicant' });
    expect(nameOnResult('Nguyễn Thị Hoa')).toEqual({ printed: 'Nguyễn Thị Hoa', source: 'applicant' });
  });
  test('tidyName composes and collapses spaces', () => {
    expect(tidyName('  Nguyễn\u00a0 Thị   Hòa '.normalize('NFD'))).toBe('Nguyễn Thị Hòa');
  });
});

describe('the result issuer (activities/results.ts withRegistryName)', () => {
  // Loaded here so the pure tests above run even if the activity's imports change.
  const { withRegistryName } = require('../../activities/results') as typeof import('../../activities/results');
  const check = (name: string) => ({ id: 'licence', check: 'driving-licence.record', label: 'GPLX', at: '', outcome: 'match' as const, summary: '', facts: { 'Họ và tên theo cơ sở dữ liệu': name } });

  test('prints the registry spelling on the result and leaves the declared form as it was', () => {
    const input = { form: { fullName: 'Nguyễn Thị Hoà', citizenId: '001' } };
    const out = withRegistryName(input, [check('Nguyễn Thị Hòa')]);
    expect(out.form.fullName).toBe('Nguyễn Thị Hòa');
    expect(input.form.fullName).toBe('Nguyễn Thị Hoà');
  });
  test('keeps the applicant name when the registry holds a different name, or none', () => {
    expect(withRegistryName({ form: { fullName: 'Nguyễn Thị Hoa' } }, [check('Nguyễn Thị Hòa')]).form.fullName).toBe('Nguyễn Thị Hoa');
    expect(withRegistryName({ form: { fullName: 'Nguyễn Thị Hoà' } }, []).form.fullName).toBe('Nguyễn Thị Hoà');
  });
});

describe('conventionalSpellings', () => {
  const { conventionalSpellings } = require('../../domain/vietnamese-names') as typeof import('../../domain/vietnamese-names');
  test('gives the other tone-mark convention of each ambiguous syllable, the declared spelling first', () => {
    expect(conventionalSpellings('Nguyễn Thị Hoà')).toEqual(['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa']);
    expect(conventionalSpellings('Lê Thủy')).toEqual(['Lê Thủy', 'Lê Thuỷ']);
    expect(conventionalSpellings('Đỗ Khỏe'.normalize('NFD'))).toEqual(['Đỗ Khỏe', 'Đỗ Khoẻ']);
  });
  test('leaves names without such a syllable alone (a final consonant, "qu", no tone)', () => {
    expect(conventionalSpellings('Hoàng Quý Toan')).toEqual(['Hoàng Quý Toan']);
    expect(conventionalSpellings('  Nguyễn   Văn An ')).toEqual(['Nguyễn Văn An']);
  });
  test('every spelling is the same name', () => {
    for (const s of conventionalSpellings('Hoà Thuỷ Khoẻ', 8)) expect(sameNameUpToSpelling(s, 'Hòa Thủy Khỏe')).toBe(true);
    expect(conventionalSpellings('Hoà Thuỷ Khoẻ', 8)).toHaveLength(8);
  });
});
