/**
 * The government's announcements the installation starts with: 2025 and 2026 entered and
 * confirmed, 2027 entered but not confirmed (what is known beyond the Labour Code's rules).
 * Years without a confirmed announcement take the days domain/holidays.ts computes, marked
 * provisional, overlaid by whatever administrators entered (db/calendar.ts merges them).
 *
 * Each year is seeded once: the first time its `calendar_year` row is written. After that the
 * year belongs to the administrators (back office, /quan-tri/lich): a day they removed is not
 * brought back by the next start, a day they changed is not overwritten.
 *
 * Sources: Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) art. 111–112; 2025: Thông báo
 * 6150/TB-BLĐTBXH (Tết Ất Tỵ, Quốc khánh) and the 30/4–1/5 swap announced that spring; 2026: Văn
 * bản 12729/VPCP-KGVX of 25/12/2025 (Tết Dương lịch) and the Prime Minister's approval of
 * 13/10/2025 (Tết Bính Ngọ, Quốc khánh), announced by the Ministry of Home Affairs.
 *
 * Where the announcements differ from the rules (test/unit/holidays.test.ts checks each):
 * 2025 made up Tết's Saturday before it (27/01) rather than after it (03/02) and swapped Friday
 * 02/05 with Saturday 26/04; 2026 swapped Friday 02/01 with Saturday 10/01 and Monday 31/08 with
 * Saturday 22/08.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarDay, CalendarYear } from '../entities';

export interface CalendarSeedDay {
  /** YYYY-MM-DD */
  day: string;
  kind: 'holiday' | 'working-weekend';
  name: string;
  /** Not settled by any text yet, even in a confirmed year. */
  provisional?: boolean;
  /** Where it comes from, shown to administrators. */
  note?: string;
}

export interface CalendarSeedYear {
  year: number;
  /** The announcement a confirmed year was entered from. */
  announcement?: string;
  confirmed: boolean;
  days: CalendarSeedDay[];
}

/** Who confirmed the seeded years, as the calendar page shows it. */
export const SEED_AUTHOR = 'dữ liệu ban đầu';

const holiday = (day: string, name: string, extra: Partial<CalendarSeedDay> = {}): CalendarSeedDay => ({ day, kind: 'holiday', name, ...extra });
const workingWeekend = (day: string, name: string, extra: Partial<CalendarSeedDay> = {}): CalendarSeedDay => ({
  day,
  kind: 'working-weekend',
  name,
  ...extra,
});

const REUNIFICATION_DAY = 'Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)';
const LABOUR_DAY = 'Ngày Quốc tế Lao động (1/5)';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';
// A paid day off according to Resolution 80-NQ/TW and Resolution 30/NQ-CP (2026), which ask for
// art. 112(1) of the Labour Code to be amended; not in the Code yet.
const cultureDay = (year: number) =>
  holiday(`${year}-11-24`, 'Ngày Văn hóa Việt Nam (24/11)', {
    provisional: true,
    note: 'Chủ trương tại Nghị quyết 80-NQ/TW; chờ sửa đổi điều 112 Bộ luật Lao động',
  });

const YEAR_2025: CalendarSeedYear = {
  year: 2025,
  announcement: 'Thông báo 6150/TB-BLĐTBXH (Tết Ất Tỵ, Quốc khánh) và thông báo hoán đổi ngày làm việc dịp 30/4–1/5/2025',
  confirmed: true,
  days: [
    holiday('2025-01-01', 'Tết Dương lịch'),
    // Civil servants were off 25/01–02/02/2025; mùng 4 fell on Saturday 01/02 and was made up on Monday 27/01.
    holiday('2025-01-27', 'Nghỉ bù Tết Nguyên đán Ất Tỵ (mùng 4 Tết trùng thứ Bảy 01/02)', { note: 'Thông báo 6150/TB-BLĐTBXH' }),
    holiday('2025-01-28', 'Tết Nguyên đán Ất Tỵ (tất niên)'),
    holiday('2025-01-29', 'Tết Nguyên đán Ất Tỵ (mùng 1)'),
    holiday('2025-01-30', 'Tết Nguyên đán Ất Tỵ (mùng 2)'),
    holiday('2025-01-31', 'Tết Nguyên đán Ất Tỵ (mùng 3)'),
    holiday('2025-04-07', HUNG_KINGS),
    // 30/4–4/5/2025 off in one stretch: Friday 02/05 swapped with Saturday 26/04.
    workingWeekend('2025-04-26', 'Làm bù cho ngày nghỉ thứ Sáu 02/05/2025'),
    holiday('2025-04-30', REUNIFICATION_DAY),
    holiday('2025-05-01', LABOUR_DAY),
    holiday('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)'),
    holiday('2025-09-01', 'Quốc khánh (ngày liền kề 2/9)'),
    holiday('2025-09-02', 'Quốc khánh (2/9)'),
  ],
};

const YEAR_2026: CalendarSeedYear = {
  year: 2026,
  announcement: 'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch); ý kiến Thủ tướng ngày 13/10/2025 về Tết Bính Ngọ và Quốc khánh (Bộ Nội vụ thông báo)',
  confirmed: true,
  days: [
    holiday('2026-01-01', 'Tết Dương lịch'),
    // Off Thursday 01/01 to Sunday 04/01: Friday 02/01 swapped with Saturday 10/01.
    holiday('2026-01-02', 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', { note: 'Văn bản 12729/VPCP-KGVX ngày 25/12/2025' }),
    workingWeekend('2026-01-10', 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026', { note: 'Văn bản 12729/VPCP-KGVX ngày 25/12/2025' }),
    // Lunar new year Tuesday 17/02/2026; off Saturday 14/02 to Sunday 22/02.
    holiday('2026-02-16', 'Tết Nguyên đán Bính Ngọ (tất niên)'),
    holiday('2026-02-17', 'Tết Nguyên đán Bính Ngọ (mùng 1)'),
    holiday('2026-02-18', 'Tết Nguyên đán Bính Ngọ (mùng 2)'),
    holiday('2026-02-19', 'Tết Nguyên đán Bính Ngọ (mùng 3)'),
    holiday('2026-02-20', 'Tết Nguyên đán Bính Ngọ (mùng 4)'),
    // 10/3 lunar is Sunday 26/04/2026.
    holiday('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch trùng Chủ nhật 26/04)'),
    holiday('2026-04-30', REUNIFICATION_DAY),
    holiday('2026-05-01', LABOUR_DAY),
    // Off Saturday 29/08 to Wednesday 02/09: 1/9 the adjacent day, Monday 31/08 swapped with Saturday 22/08.
    workingWeekend('2026-08-22', 'Làm bù cho ngày nghỉ thứ Hai 31/08/2026', { note: 'Ý kiến Thủ tướng ngày 13/10/2025' }),
    holiday('2026-08-31', 'Nghỉ hoán đổi Quốc khánh (làm bù thứ Bảy 22/08/2026)', { note: 'Ý kiến Thủ tướng ngày 13/10/2025' }),
    holiday('2026-09-01', 'Quốc khánh (ngày liền kề 2/9)'),
    holiday('2026-09-02', 'Quốc khánh (2/9)'),
    cultureDay(2026),
  ],
};

/** Not announced yet: the rules give the rest (Tết, Giỗ Tổ, 30/4, 1/5 made up on 03/05, Quốc khánh). */
const YEAR_2027: CalendarSeedYear = { year: 2027, confirmed: false, days: [cultureDay(2027)] };

export const CALENDAR_SEED: readonly CalendarSeedYear[] = [YEAR_2025, YEAR_2026, YEAR_2027];

/** Every seeded day, in date order. */
export const CALENDAR_DAYS: readonly CalendarSeedDay[] = CALENDAR_SEED.flatMap((y) => y.days);

/**
 * Writes the seeded years nobody has seeded before, and their days. A year seeded for the first
 * time replaces the days an earlier version of the seed left in it, unless an administrator
 * touched them (`updated_by` set).
 */
export async function seedCalendar(em: EntityManager): Promise<number[]> {
  const seeded: number[] = [];
  await em.transactional(async (tx) => {
    const known = new Set((await tx.find(CalendarYear, { year: { $in: CALENDAR_SEED.map((y) => y.year) } })).map((y) => y.year));
    for (const year of CALENDAR_SEED.filter((y) => !known.has(y.year))) {
      const now = new Date();
      tx.create(CalendarYear, {
        year: year.year,
        announcement: year.announcement ?? null,
        confirmedAt: year.confirmed ? now : null,
        confirmedBy: year.confirmed ? SEED_AUTHOR : null,
      });
      const inYear = { $gte: `${year.year}-01-01`, $lte: `${year.year}-12-31` };
      await tx.nativeDelete(CalendarDay, { day: inYear, updatedBy: null });
      const kept = new Set((await tx.find(CalendarDay, { day: inYear })).map((d) => d.day));
      for (const d of year.days.filter((d) => !kept.has(d.day))) {
        tx.create(CalendarDay, { day: d.day, kind: d.kind, name: d.name, provisional: d.provisional ?? false, note: d.note ?? null });
      }
      seeded.push(year.year);
    }
  });
  return seeded;
}
