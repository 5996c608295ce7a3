/**
 * Reference and demo data. Agencies for all 34 provinces and the working calendar are reference
 * data (every installation needs them); the demo officials exist only where demo data is asked
 * for (npm start, tests). Safe to run on every start: rows that exist are left as they are.
 */
import { PROVINCES, provinceTitle, type Province } from '../../domain/provinces';
import { Agency, CalendarDay, Official } from '../entities';
import type { Orm } from '../orm';
import { hashPassword } from '../../web/passwords';
import { CALENDAR_DAYS } from './calendar';

export const DEMO_PASSWORD = 'motcua-demo';

export interface DemoOfficial {
  username: string;
  fullName: string;
  role: 'receiver' | 'specialist' | 'leader' | 'supervisor';
  provinceCode: string;
}

/** Two provinces with a full team each; Hà Nội has a second specialist to reassign to. */
export const DEMO_OFFICIALS: DemoOfficial[] = [
  { username: 'hn.tiepnhan', fullName: 'Nguyễn Thị Lan', role: 'receiver', provinceCode: '01' },
  { username: 'hn.chuyenvien', fullName: 'Trần Văn Minh', role: 'specialist', provinceCode: '01' },
  { username: 'hn.chuyenvien2', fullName: 'Lê Thu Hà', role: 'specialist', provinceCode: '01' },
  { username: 'hn.lanhdao', fullName: 'Phạm Quốc Hùng', role: 'leader', provinceCode: '01' },
  { username: 'hn.giamsat', fullName: 'Đỗ Thị Mai', role: 'supervisor', provinceCode: '01' },
  { username: 'hcm.tiepnhan', fullName: 'Võ Thị Ngọc Anh', role: 'receiver', provinceCode: '79' },
  { username: 'hcm.chuyenvien', fullName: 'Huỳnh Văn Tài', role: 'specialist', provinceCode: '79' },
  { username: 'hcm.lanhdao', fullName: 'Lê Minh Quân', role: 'leader', provinceCode: '79' },
  { username: 'hcm.giamsat', fullName: 'Nguyễn Hoàng Phúc', role: 'supervisor', provinceCode: '79' },
];

/**
 * The agency handling driving licences in a province: its traffic police department, which took
 * the task over from the transport department on 1 March 2025. The unit code (the dossier-code
 * prefix) is illustrative: administrators set the one their province was assigned.
 */
export function drivingLicenceAgency(p: Province) {
  return {
    code: `CSGT-${p.code}`,
    name: `Phòng Cảnh sát giao thông – Công an ${provinceTitle(p).replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố')}`,
    unitCode: `000.00.31.H${p.code}`,
    provinceCode: p.code,
    kind: 'driving-licence',
    validFrom: '2025-07-01',
  };
}

export async function seedReferenceData(orm: Orm): Promise<void> {
  const em = orm.em.fork();
  await em
    .createQueryBuilder(Agency)
    .insert(PROVINCES.map(drivingLicenceAgency))
    .onConflict('code')
    .ignore()
    .execute('run');
  await em
    .createQueryBuilder(CalendarDay)
    .insert(CALENDAR_DAYS.map((d) => ({ day: d.day, kind: d.kind, name: d.name, provisional: d.provisional ?? false })))
    .onConflict('day')
    .ignore()
    .execute('run');
}

export async function seedDemoOfficials(orm: Orm, password = DEMO_PASSWORD): Promise<void> {
  const em = orm.em.fork();
  const existing = new Set((await em.find(Official, {}, { fields: ['username'] })).map((o) => o.username));
  const missing = DEMO_OFFICIALS.filter((o) => !existing.has(o.username));
  if (!missing.length) return;
  for (const o of missing) {
    const agency = await em.findOneOrFail(Agency, { code: `CSGT-${o.provinceCode}` });
    // Each hash gets its own salt, so equal demo passwords do not show as equal hashes.
    const passwordHash = await hashPassword(password);
    em.create(Official, { username: o.username, fullName: o.fullName, role: o.role, agency, passwordHash, active: true, createdAt: new Date() });
  }
  await em.flush();
}
