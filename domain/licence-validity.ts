/**
 * How long a driving licence is valid, by class.
 *
 * Legal basis: Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15, art. 57(5), in force
 * 1 January 2025: A1, A, B1 without expiry; B and C1 ten years from issue; C, D1, D2, D, BE,
 * C1E, CE, D1E, D2E, DE five years from issue. Classes of the former scheme (Circular
 * 12/2017/TT-BGTVT) are still renewed: A2, A3 without expiry; A4 and B2 ten years; E and FC
 * five years. Terms are counted from the issue day to the same day of the month N years later.
 *
 * This is legal data transcribed by hand: an administrator may need to correct it when the
 * law or its implementing circulars change, so keep it in this one table.
 */
export const LICENCE_TERM_YEARS: Readonly<Record<string, number | null>> = {
  // Law 36/2024/QH15 classes
  A1: null,
  A: null,
  B1: null,
  B: 10,
  C1: 10,
  C: 5,
  D1: 5,
  D2: 5,
  D: 5,
  BE: 5,
  C1E: 5,
  CE: 5,
  D1E: 5,
  D2E: 5,
  DE: 5,
  // Former classes still in circulation
  A2: null,
  A3: null,
  A4: 10,
  B2: 10,
  E: 5,
  FC: 5,
};

/**
 * The last day (YYYY-MM-DD) a licence of `licenceClass` issued on `issuedDay` is valid, or
 * null when it does not expire.
 *
 * `dateOfBirth` is accepted because age-dependent terms existed under the former scheme (the
 * old automatic-car B1 expired at 55/60 years of age) and may come back; the 2024 law sets
 * none, so it does not change the result today.
 */
export function licenceValidUntil(licenceClass: string, issuedDay: string, dateOfBirth?: string): string | null {
  const key = licenceClass.trim().toUpperCase();
  if (!(key in LICENCE_TERM_YEARS)) throw new Error(`unknown driving-licence class: ${licenceClass}`);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(issuedDay);
  if (!match) throw new Error(`not a YYYY-MM-DD day: ${issuedDay}`);
  const years = LICENCE_TERM_YEARS[key];
  if (years === null) return null;
  return addYears(Number(match[1]), Number(match[2]), Number(match[3]), years);
}

/** Same day and month N years later; 29 February becomes 28 February in a common year. */
function addYears(year: number, month: number, day: number, years: number): string {
  const targetYear = year + years;
  const lastDayOfMonth = new Date(Date.UTC(targetYear, month, 0)).getUTCDate();
  const targetDay = Math.min(day, lastDayOfMonth);
  return `${targetYear}-${String(month).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}
