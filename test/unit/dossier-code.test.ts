import {
  formatDossierCode,
  isUnitCode,
  normalizeDossierCode,
  parseDossierCode,
  receiptDay,
} from '../../domain/dossier-code';

describe('unit identifier codes', () => {
  test.each(['000.00.01.H26', '000.00.31.H01', 'G01.01.02.H38', '000.00.00.H62'])('accepts %s', (code) => {
    expect(isUnitCode(code)).toBe(true);
  });

  test.each(['', '000.00.01', '000.00.01.H2', '000.00.01.126', '000-00-01-H26', '000.00.01.h26', ' 000.00.01.H26'])(
    'refuses %j',
    (code) => {
      expect(isUnitCode(code)).toBe(false);
    },
  );
});

describe('dossier codes', () => {
  test('takes the receipt day from the Vietnam date of the receipt instant', () => {
    expect(receiptDay(new Date('2026-09-30T02:00:00Z'))).toBe('260930');
    // 18:00 UTC on 29/09 is already 30/09 in Vietnam.
    expect(receiptDay(new Date('2026-09-29T18:00:00Z'))).toBe('260930');
    expect(receiptDay(new Date('2030-01-05T03:00:00Z'))).toBe('300105');
  });

  test('formats unit, day and a sequence padded to four digits', () => {
    expect(formatDossierCode('000.00.01.H26', '260930', 12)).toBe('000.00.01.H26-260930-0012');
    expect(formatDossierCode('000.00.31.H01', '261124', 1)).toBe('000.00.31.H01-261124-0001');
  });

  test('keeps counting past 9999 dossiers a day instead of wrapping', () => {
    const code = formatDossierCode('000.00.01.H26', '260930', 10_000);
    expect(code).toBe('000.00.01.H26-260930-10000');
    expect(parseDossierCode(code)?.sequence).toBe(10_000);
  });

  test('refuses a malformed unit, day or sequence rather than print a wrong code', () => {
    expect(() => formatDossierCode('H26', '260930', 1)).toThrow('unit identifier');
    expect(() => formatDossierCode('000.00.01.H26', '2026-09-30', 1)).toThrow('YYMMDD');
    expect(() => formatDossierCode('000.00.01.H26', '260930', 0)).toThrow('sequence');
    expect(() => formatDossierCode('000.00.01.H26', '260930', 1.5)).toThrow('sequence');
  });

  test('parses a code back into its parts', () => {
    expect(parseDossierCode('000.00.01.H26-260930-0012')).toEqual({ unitCode: '000.00.01.H26', day: '260930', sequence: 12 });
  });

  test('parses a code typed in lower case with surrounding spaces', () => {
    expect(parseDossierCode('  000.00.01.h26-260930-0012 ')).toEqual({
      unitCode: '000.00.01.H26',
      day: '260930',
      sequence: 12,
    });
  });

  test.each(['', '000.00.01.H26', '000.00.01.H26-260930', '000.00.01.H26-260930-12', '000.00.31.H01-261124-0001-KQ1'])(
    'does not take %j for a dossier code',
    (text) => {
      expect(parseDossierCode(text)).toBeUndefined();
    },
  );

  test('normalises a code for look-up: trimmed and upper-case', () => {
    expect(normalizeDossierCode(' 000.00.01.h26-260930-0012\n')).toBe('000.00.01.H26-260930-0012');
  });

  test('formatting then parsing gives back the same parts', () => {
    const at = new Date('2026-11-24T08:00:00Z');
    const code = formatDossierCode('000.00.31.H01', receiptDay(at), 37);
    expect(parseDossierCode(code)).toEqual({ unitCode: '000.00.31.H01', day: '261124', sequence: 37 });
  });
});
