/**
 * The Vietnamese lunar calendar (âm lịch), computed rather than tabulated, so any year works.
 *
 * Hồ Ngọc Đức's algorithm (https://www.informatik.uni-leipzig.de/~duc/amlich/, after Jean Meeus,
 * "Astronomical Algorithms"): a month starts on the local day of a new moon; lunar month 11 is
 * the one containing the winter solstice; a year with 13 months between two months 11 repeats
 * the first month that contains no major solar term (trung khí) as a leap month. New moons and
 * solar terms fall on *local* days, and Vietnam has counted them in UTC+7 since 1967 while China
 * counts in UTC+8: when a new moon falls between 16:00 and 17:00 UTC the two calendars start a
 * month on different days, hence Tết a day apart in 1968, 1969, 2007, 2030 and 2053, and a
 * month apart in 1985 (the leap month fell differently).
 *
 * Pure and deterministic (workflow code may use it). The formulas are accurate to well under an
 * hour for 1800–2200; far outside that range, a new moon close to midnight may land on the
 * neighbouring day.
 */

export const VIETNAM_TIME_ZONE = 7;

export interface LunarDate {
  /** The lunar year, named by the solar year in which most of it falls (Tết 2026 starts lunar 2026). */
  year: number;
  /** 1–12 */
  month: number;
  /** 1–30 */
  day: number;
  /** The repeated month of a 13-month year (tháng nhuận). */
  leap: boolean;
}

const LUNATION_DAYS = 29.530588853;
/** The new moon of 1900-01-01 (k = 0), a Julian day. */
const FIRST_NEW_MOON = 2415021.076998695;
/** The Julian day number of 1970-01-01. */
const UNIX_EPOCH_JDN = 2440588;
const DAY_MS = 86_400_000;
const DEGREE = Math.PI / 180;

function julianDayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS + UNIX_EPOCH_JDN;
}

function isoDateOf(julianDay: number): string {
  return new Date((julianDay - UNIX_EPOCH_JDN) * DAY_MS).toISOString().slice(0, 10);
}

/** The instant (Julian day, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const sin = (degrees: number) => Math.sin(degrees * DEGREE);
  const mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 + 0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const correction =
    (0.1734 - 0.000393 * t) * sin(sunAnomaly) +
    0.0021 * sin(2 * sunAnomaly) -
    0.4068 * sin(moonAnomaly) +
    0.0161 * sin(2 * moonAnomaly) -
    0.0004 * sin(3 * moonAnomaly) +
    0.0104 * sin(2 * latitude) -
    0.0051 * sin(sunAnomaly + moonAnomaly) -
    0.0074 * sin(sunAnomaly - moonAnomaly) +
    0.0004 * sin(2 * latitude + sunAnomaly) -
    0.0004 * sin(2 * latitude - sunAnomaly) -
    0.0006 * sin(2 * latitude + moonAnomaly) +
    0.001 * sin(2 * latitude - moonAnomaly) +
    0.0005 * sin(2 * moonAnomaly + sunAnomaly);
  // Dynamical time to universal time.
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** The sun's apparent longitude, in radians [0, 2π), at a Julian day (UT). */
function sunLongitude(julianDay: number): number {
  const t = (julianDay - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const mean = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly * DEGREE) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly * DEGREE) +
    0.00029 * Math.sin(3 * anomaly * DEGREE);
  const longitude = (mean + centre) * DEGREE;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** The local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Which 30° sector (0–11) the sun is in at the start of a local day: a new index is a major solar term. */
function solarSector(dayNumber: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** The first day of lunar month 11 (the one with the winter solstice) of a solar year. */
function month11Start(year: number, timeZone: number): number {
  const k = Math.floor((julianDayNumber(`${year}-12-31`) - 2415021) / LUNATION_DAYS);
  const day = newMoonDay(k, timeZone);
  // That new moon comes after the solstice (sun past 270°): month 11 began one lunation earlier.
  return solarSector(day, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : day;
}

/**
 * In a 13-month year starting at `month11` (day number), how many months after month 11 the leap
 * month comes: the first month whose start sees the sun in the same sector as the next month's.
 */
function leapMonthOffset(month11: number, timeZone: number): number {
  const k = Math.floor((month11 - FIRST_NEW_MOON) / LUNATION_DAYS + 0.5);
  let i = 1;
  let sector = solarSector(newMoonDay(k + i, timeZone), timeZone);
  let previous: number;
  do {
    previous = sector;
    i++;
    sector = solarSector(newMoonDay(k + i, timeZone), timeZone);
  } while (sector !== previous && i < 14);
  return i - 1;
}

/** The lunar date of a solar day (YYYY-MM-DD). */
export function toLunar(isoDate: string, timeZone = VIETNAM_TIME_ZONE): LunarDate {
  const dayNumber = julianDayNumber(isoDate);
  const solarYear = Number(isoDate.slice(0, 4));
  const k = Math.floor((dayNumber - FIRST_NEW_MOON) / LUNATION_DAYS);
  let monthStart = newMoonDay(k + 1, timeZone);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, timeZone);

  let a11 = month11Start(solarYear, timeZone);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = solarYear;
    a11 = month11Start(solarYear - 1, timeZone);
  } else {
    year = solarYear + 1;
    b11 = month11Start(solarYear + 1, timeZone);
  }
  const monthsAfter11 = Math.floor((monthStart - a11) / 29);
  let month = monthsAfter11 + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, timeZone);
    if (monthsAfter11 >= leapOffset) {
      month = monthsAfter11 + 10;
      leap = monthsAfter11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && monthsAfter11 < 4) year -= 1;
  return { year, month, day: dayNumber - monthStart + 1, leap };
}

/**
 * The solar day (YYYY-MM-DD) of a lunar date. Throws a RangeError for a date the calendar does
 * not have: a leap month the year lacks, or day 30 of a 29-day month.
 */
export function toSolar(lunar: LunarDate, timeZone = VIETNAM_TIME_ZONE): string {
  const { year, month, day, leap } = lunar;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`no lunar date ${day}/${month}/${year}`);
  }
  const [a11, b11] =
    month < 11 ? [month11Start(year - 1, timeZone), month11Start(year, timeZone)] : [month11Start(year, timeZone), month11Start(year + 1, timeZone)];
  const k = Math.floor(0.5 + (a11 - FIRST_NEW_MOON) / LUNATION_DAYS);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`lunar year ${year} has no leap month`);
  }
  const solar = isoDateOf(newMoonDay(k + offset, timeZone) + day - 1);
  const back = toLunar(solar, timeZone);
  if (back.day !== day || back.month !== month || back.leap !== leap) {
    throw new RangeError(`lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has no day ${day}`);
  }
  return solar;
}

/** The solar day of Tết Nguyên đán (lunar 1/1) of a year. */
export function lunarNewYear(year: number, timeZone = VIETNAM_TIME_ZONE): string {
  return toSolar({ year, month: 1, day: 1, leap: false }, timeZone);
}

/** The solar day of Giỗ Tổ Hùng Vương (lunar 10/3) of a year. */
export function hungKingsDay(year: number, timeZone = VIETNAM_TIME_ZONE): string {
  return toSolar({ year, month: 3, day: 10, leap: false }, timeZone);
}

/** The leap month of a lunar year (1–12), or undefined when it has twelve months. */
export function leapMonthOf(year: number, timeZone = VIETNAM_TIME_ZONE): number | undefined {
  for (let month = 1; month <= 12; month++) {
    try {
      toSolar({ year, month, day: 1, leap: true }, timeZone);
      return month;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** The sexagenary name of a lunar year: 2025 Ất Tỵ, 2026 Bính Ngọ. */
export function lunarYearName(year: number): string {
  const mod = (n: number, m: number) => ((n % m) + m) % m;
  return `${STEMS[mod(year + 6, 10)]} ${BRANCHES[mod(year + 8, 12)]}`;
}
