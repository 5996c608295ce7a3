/**
 * Seed data for the `calendar_day` table: the days that break the Monday-to-Friday rule in
 * 2025–2027. After seeding, administrators own this data and edit it in the calendar table;
 * code never hard-codes a holiday.
 *
 * Sources: Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) art. 112 — Tết Dương lịch 1 day,
 * Tết Âm lịch 5 days, 30/4, 1/5, Quốc khánh 2/9 plus one adjacent day, Giỗ Tổ Hùng Vương
 * 10/3 lunar; art. 111(3) — a holiday on a weekly rest day is made up on the next working day.
 * The exact Tết days, swapped days and make-up Saturdays are fixed each year by the
 * government's announcement for civil servants (2025: Thông báo 6150/TB-BLĐTBXH; later years:
 * the Ministry of Home Affairs' announcement).
 *
 * Only weekdays are listed as holidays (weekends never count as working days anyway); a
 * weekend holiday appears through its compensatory weekday. Entries marked `provisional` are
 * computed or best knowledge: confirm them against the government's annual announcement and
 * clear the flag (or correct the day) in the calendar table.
 */
export interface CalendarSeedDay {
  /** YYYY-MM-DD */
  day: string;
  kind: 'holiday' | 'working-weekend';
  name: string;
  provisional?: boolean;
}

const holiday = (day: string, name: string, provisional = false): CalendarSeedDay =>
  provisional ? { day, kind: 'holiday', name, provisional } : { day, kind: 'holiday', name };
const workingWeekend = (day: string, name: string, provisional = false): CalendarSeedDay =>
  provisional ? { day, kind: 'working-weekend', name, provisional } : { day, kind: 'working-weekend', name };

const REUNIFICATION_DAY = 'Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)';
const LABOUR_DAY = 'Ngày Quốc tế Lao động (1/5)';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';

const YEAR_2025: CalendarSeedDay[] = [
  holiday('2025-01-01', 'Tết Dương lịch'),
  // Civil servants were off 25/01–02/02/2025; mùng 4 fell on Saturday 01/02 and was made up on Monday 27/01.
  holiday('2025-01-27', 'Nghỉ bù Tết Nguyên đán Ất Tỵ (mùng 4 Tết trùng thứ Bảy 01/02)'),
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
];

const YEAR_2026: CalendarSeedDay[] = [
  holiday('2026-01-01', 'Tết Dương lịch'),
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
  // 2/9 is a Wednesday: the adjacent day and a Monday swap were reported, not seen in the announcement itself.
  workingWeekend('2026-08-22', 'Làm bù cho ngày nghỉ thứ Hai 31/08/2026', true),
  holiday('2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)', true),
  holiday('2026-09-01', 'Quốc khánh (ngày liền kề 2/9)', true),
  holiday('2026-09-02', 'Quốc khánh (2/9)'),
  // A paid day off from 2026 according to reports on Resolution 80-NQ/TW; not yet in the Labour Code text we have.
  holiday('2026-11-24', 'Ngày Văn hóa Việt Nam', true),
];

const YEAR_2027: CalendarSeedDay[] = [
  holiday('2027-01-01', 'Tết Dương lịch'),
  // Lunar new year Saturday 06/02/2027: tất niên Friday 05/02, mùng 1–4 Saturday 06/02 to Tuesday 09/02.
  // The weekend Tết days are made up around them as for Tết 2024 (also on a Saturday): Thursday 04/02 and Wednesday 10/02.
  holiday('2027-02-04', 'Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 1 Tết trùng thứ Bảy 06/02)', true),
  holiday('2027-02-05', 'Tết Nguyên đán Đinh Mùi (tất niên)', true),
  holiday('2027-02-08', 'Tết Nguyên đán Đinh Mùi (mùng 3)', true),
  holiday('2027-02-09', 'Tết Nguyên đán Đinh Mùi (mùng 4)', true),
  holiday('2027-02-10', 'Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 2 Tết trùng Chủ nhật 07/02)', true),
  holiday('2027-04-16', HUNG_KINGS),
  holiday('2027-04-30', REUNIFICATION_DAY),
  // 1/5 is a Saturday: made up on the next working day.
  holiday('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)'),
  holiday('2027-09-02', 'Quốc khánh (2/9)'),
  holiday('2027-09-03', 'Quốc khánh (ngày liền kề 2/9)', true),
  holiday('2027-11-24', 'Ngày Văn hóa Việt Nam', true),
];

export const CALENDAR_DAYS: CalendarSeedDay[] = [...YEAR_2025, ...YEAR_2026, ...YEAR_2027];
