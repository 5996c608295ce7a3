/**
 * Reference and demo data. Agencies of every kind for the 34 provinces (and the sample
 * communes) and the working calendar are reference data, needed by every installation; the
 * demo officials exist only where demo data is asked for (npm start, tests, the benchmark).
 * Safe to run on every start: rows that exist are left as they are.
 */
import { AGENCY_KINDS } from '../../domain/agency-kinds';
import { COMMUNES } from '../../domain/communes';
import { PROVINCES, provinceTitle, type Province } from '../../domain/provinces';
import { hashClientSecret } from '../../domain/api-credentials';
import { Agency, Official } from '../entities';
import type { Orm } from '../orm';
import { seedCalendar } from './calendar';

export const DEMO_PASSWORD = 'motcua-demo';
/**
 * bcrypt (cost 12) of DEMO_PASSWORD, computed once: demo accounts share it so seeding takes
 * no time. Real accounts get their own salt through web/passwords.ts.
 */
const DEMO_PASSWORD_HASH = '$2b$12$Xs5O7YFUWid/Na1PYJBS7.nPmsg4pTUtM.cA.P2Xvd4E/aobwNoxy';

type Role = 'receiver' | 'specialist' | 'leader' | 'supervisor' | 'admin';

/** Agency code prefix and unit-code segment of each provincial kind (illustrative codes). */
const PROVINCIAL: Record<string, { prefix: string; unit: string; short: string }> = {
  'driving-licence': { prefix: 'CSGT', unit: '31', short: '' },
  'police-records': { prefix: 'PV06', unit: '06', short: 'pv06' },
  justice: { prefix: 'STP', unit: '11', short: 'stp' },
  'industry-trade': { prefix: 'SCT', unit: '20', short: 'sct' },
  'social-insurance': { prefix: 'BHXH', unit: '40', short: 'bhxh' },
  tax: { prefix: 'THUE', unit: '50', short: 'thue' },
  electricity: { prefix: 'EVN', unit: '60', short: 'dienluc' },
  'home-affairs': { prefix: 'SNV', unit: '70', short: 'snv' },
  'province-committee': { prefix: 'UBND', unit: '01', short: 'ubnd' },
};

export function agencyCode(kind: string, provinceCode: string, communeCode?: string): string {
  return kind === 'commune' ? `UBNDX-${communeCode}` : `${PROVINCIAL[kind].prefix}-${provinceCode}`;
}

function placeName(p: Province): string {
  return provinceTitle(p).replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố');
}

export function referenceAgencies() {
  const provincial = PROVINCES.flatMap((p) =>
    AGENCY_KINDS.filter((k) => k.level === 'province').map((k) => ({
      code: agencyCode(k.kind, p.code),
      name: k.nameIn(placeName(p)),
      unitCode: `000.00.${PROVINCIAL[k.kind].unit}.H${p.code}`,
      provinceCode: p.code,
      communeCode: null,
      kind: k.kind,
      validFrom: '2025-07-01',
    })),
  );
  const communes = COMMUNES.map((c) => ({
    code: agencyCode('commune', c.provinceCode, c.code),
    name: AGENCY_KINDS.find((k) => k.kind === 'commune')!.nameIn(c.name.replace(/^Phường/, 'phường').replace(/^Xã/, 'xã')),
    unitCode: `${c.code.slice(-3)}.${c.code.slice(0, 2)}.00.H${c.provinceCode}`,
    provinceCode: c.provinceCode,
    communeCode: c.code,
    kind: 'commune',
    validFrom: '2025-07-01',
  }));
  return [...provincial, ...communes];
}

export interface DemoOfficial {
  username: string;
  fullName: string;
  role: Role;
  agencyCode: string;
  /** Phòng, ban; absent: the usual one of the role (DEPARTMENT_OF_ROLE). */
  department?: string;
}

/** Where each role sits in a demo agency: the groups tasks may be given to (issue 7). */
const DEPARTMENT_OF_ROLE: Partial<Record<Role, string>> = {
  receiver: 'Bộ phận một cửa',
  specialist: 'Phòng chuyên môn',
  leader: 'Ban lãnh đạo',
  supervisor: 'Văn phòng',
};

const ROLE_WORD: Record<Role, string> = { receiver: 'tiepnhan', specialist: 'chuyenvien', leader: 'lanhdao', supervisor: 'giamsat', admin: 'quantri' };
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Hữu', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hạnh', 'Khánh', 'Linh', 'Nam', 'Phương', 'Quân', 'Sơn', 'Trang', 'Vinh', 'Yến', 'Hiếu'];

/** The teams of Hà Nội and Hồ Chí Minh for every kind the catalogue uses, and of two wards. */
function demoOfficials(): DemoOfficial[] {
  const named: DemoOfficial[] = [
    { username: 'hn.tiepnhan', fullName: 'Nguyễn Thị Lan', role: 'receiver', agencyCode: 'CSGT-01' },
    { username: 'hn.chuyenvien', fullName: 'Trần Văn Minh', role: 'specialist', agencyCode: 'CSGT-01', department: 'Đội Đăng ký, cấp đổi GPLX' },
    { username: 'hn.chuyenvien2', fullName: 'Lê Thu Hà', role: 'specialist', agencyCode: 'CSGT-01', department: 'Đội Sát hạch lái xe' },
    { username: 'hn.lanhdao', fullName: 'Phạm Quốc Hùng', role: 'leader', agencyCode: 'CSGT-01' },
    { username: 'hn.giamsat', fullName: 'Đỗ Thị Mai', role: 'supervisor', agencyCode: 'CSGT-01' },
    { username: 'hcm.tiepnhan', fullName: 'Võ Thị Ngọc Anh', role: 'receiver', agencyCode: 'CSGT-79' },
    { username: 'hcm.chuyenvien', fullName: 'Huỳnh Văn Tài', role: 'specialist', agencyCode: 'CSGT-79' },
    { username: 'hcm.lanhdao', fullName: 'Lê Minh Quân', role: 'leader', agencyCode: 'CSGT-79' },
    { username: 'hcm.giamsat', fullName: 'Nguyễn Hoàng Phúc', role: 'supervisor', agencyCode: 'CSGT-79' },
    // Administrators keep the working calendar and their city's office hours (/quan-tri).
    { username: 'hn.quantri', fullName: 'Trịnh Văn Khoa', role: 'admin', agencyCode: 'UBND-01' },
    { username: 'hcm.quantri', fullName: 'Phan Thị Diệu', role: 'admin', agencyCode: 'UBND-79' },
  ];
  const generated: DemoOfficial[] = [];
  let n = 0;
  const person = () => {
    n++;
    return `${FAMILY[n % FAMILY.length]} ${MIDDLE[(n * 3) % MIDDLE.length]} ${GIVEN[(n * 7) % GIVEN.length]}`;
  };
  const roles: Role[] = ['receiver', 'specialist', 'leader', 'supervisor'];
  for (const [province, city] of [['01', 'hn'], ['79', 'hcm']] as const) {
    for (const [kind, { short }] of Object.entries(PROVINCIAL)) {
      if (kind === 'driving-licence') continue;
      for (const role of roles) {
        generated.push({ username: `${city}.${short}.${ROLE_WORD[role]}`, fullName: person(), role, agencyCode: agencyCode(kind, province) });
      }
    }
  }
  for (const [commune, slug] of [['00070', 'hoankiem'], ['26743', 'benthanh']] as const) {
    const province = COMMUNES.find((c) => c.code === commune)!.provinceCode;
    for (const role of roles) {
      generated.push({ username: `${slug}.${ROLE_WORD[role]}`, fullName: person(), role, agencyCode: agencyCode('commune', province, commune) });
    }
  }
  return [...named, ...generated];
}

export const DEMO_OFFICIALS: readonly DemoOfficial[] = demoOfficials();

export async function seedReferenceData(orm: Orm): Promise<void> {
  const em = orm.em.fork();
  await em.createQueryBuilder(Agency).insert(referenceAgencies()).onConflict('code').ignore().execute('run');
  await seedCalendar(em);
}

export async function seedDemoOfficials(orm: Orm): Promise<void> {
  const em = orm.em.fork();
  const agencies = new Map((await em.find(Agency, {})).map((a) => [a.code, a]));
  await em
    .createQueryBuilder(Official)
    .insert(
      DEMO_OFFICIALS.map((o) => ({
        username: o.username,
        fullName: o.fullName,
        role: o.role,
        agency: agencies.get(o.agencyCode)!.id,
        passwordHash: DEMO_PASSWORD_HASH,
        active: true,
        department: o.department ?? DEPARTMENT_OF_ROLE[o.role] ?? null,
        createdAt: new Date(),
      })),
    )
    .onConflict('username')
    .ignore()
    .execute('run');
}

/**
 * The demo API client (development and tests only): the national portal with every agency and
 * procedure in scope. Fixed credentials, printed by `npm start`; never seeded with SEED_DEMO=off.
 * Real clients get random ones from `npm run api-client -- create`.
 */
export const DEMO_API_CLIENT = {
  clientId: 'cl_00000000000de000',
  secret: 'motcua-demo-api-secret-for-development-only',
  name: 'Cổng Dịch vụ công quốc gia (demo)',
} as const;

/** `Authorization` header value of the demo API client. */
export const DEMO_API_AUTHORIZATION = `Bearer ${DEMO_API_CLIENT.clientId}.${DEMO_API_CLIENT.secret}`;

export async function seedDemoApiClient(orm: Orm): Promise<void> {
  const connection = orm.em.getConnection();
  const created = await connection.execute<{ id: number }[]>(
    `insert into api_client (client_id, name, agencies, procedures, active, created_at) values (?, ?, '["*"]', '["*"]', true, now())
     on conflict (client_id) do nothing returning id`,
    [DEMO_API_CLIENT.clientId, DEMO_API_CLIENT.name],
  );
  if (created.length) {
    await connection.execute(`insert into api_client_secret (client_id, secret_hash, created_at) values (?, ?, now())`, [created[0].id, hashClientSecret(DEMO_API_CLIENT.secret)]);
  }
}
