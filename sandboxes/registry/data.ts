/**
 * Seeded records of the registry sandbox: citizens of the national population database and
 * the driving licences issued to them. Fictional people, built the way the real registers are:
 *
 * - A citizen ID (số định danh cá nhân) has 12 digits: the birth province's 3-digit code
 *   (001 Hà Nội, 048 Đà Nẵng, 079 Hồ Chí Minh…), a gender-and-century digit (0 male / 1 female
 *   born 1900–1999, 2 male / 3 female born 2000–2099), the last two digits of the birth year,
 *   then 6 serial digits.
 * - A licence number has 12 digits, the first two the issuing province's code. Licences issued
 *   before the July 2025 merger keep the old province (Bình Dương, Sóc Trăng, Nam Định…).
 * - Motorbike classes (A1, A, A2) never expire; B2 and B last 10 years; C, D, E, FC 5 years.
 *
 * Names are NFC. Two citizens share the name Nguyễn Văn An (a namesake is not a match), and
 * Nguyễn Thị Hòa is stored with the older tone placement that applicants often type as "Hoà".
 */
export type Gender = 'male' | 'female';
export type LicenceStatus = 'valid' | 'revoked' | 'suspended';

export interface Citizen {
  citizenId: string;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: Gender;
}

export interface DrivingLicence {
  number: string;
  citizenId: string;
  holderName: string;
  class: string;
  issuedAt: string;
  /** null: the class has no term (motorbikes). */
  expiresAt: string | null;
  /** The province as it was named when the licence was issued. */
  issuingProvince: string;
  status: LicenceStatus;
}

export const CITIZENS: readonly Citizen[] = [
  { citizenId: '001085004521', fullName: 'Nguyễn Văn An', dateOfBirth: '1985-03-12', gender: 'male' },
  { citizenId: '079192013877', fullName: 'Trần Thị Bích Ngọc', dateOfBirth: '1992-07-25', gender: 'female' },
  { citizenId: '048079002946', fullName: 'Lê Hoàng Phúc', dateOfBirth: '1979-11-02', gender: 'male' },
  { citizenId: '031188007310', fullName: 'Phạm Thị Thu Hà', dateOfBirth: '1988-05-30', gender: 'female' },
  { citizenId: '092090011058', fullName: 'Vũ Đức Thắng', dateOfBirth: '1990-01-17', gender: 'male' },
  { citizenId: '036087005612', fullName: 'Hoàng Minh Tuấn', dateOfBirth: '1987-09-09', gender: 'male' },
  { citizenId: '001301020734', fullName: 'Đặng Thị Mai', dateOfBirth: '2001-04-14', gender: 'female' },
  { citizenId: '040093008803', fullName: 'Nguyễn Văn An', dateOfBirth: '1993-08-21', gender: 'male' },
  { citizenId: '079203006241', fullName: 'Bùi Quang Huy', dateOfBirth: '2003-02-08', gender: 'male' },
  { citizenId: '001195015592', fullName: 'Đỗ Thị Hồng Nhung', dateOfBirth: '1995-12-03', gender: 'female' },
  { citizenId: '079082003387', fullName: 'Ngô Thanh Tùng', dateOfBirth: '1982-06-19', gender: 'male' },
  { citizenId: '048198009920', fullName: 'Dương Thị Lan Anh', dateOfBirth: '1998-10-10', gender: 'female' },
  { citizenId: '092075001174', fullName: 'Lý Văn Hùng', dateOfBirth: '1975-04-22', gender: 'male' },
  { citizenId: '046184004455', fullName: 'Hồ Thị Thanh Tâm', dateOfBirth: '1984-02-29', gender: 'female' },
  { citizenId: '038091012268', fullName: 'Trịnh Quốc Bảo', dateOfBirth: '1991-07-07', gender: 'male' },
  { citizenId: '042170000891', fullName: 'Phan Thị Kim Liên', dateOfBirth: '1970-09-30', gender: 'female' },
  { citizenId: '079200018846', fullName: 'Võ Minh Khoa', dateOfBirth: '2000-01-01', gender: 'male' },
  { citizenId: '092196010317', fullName: 'Huỳnh Thị Mỹ Duyên', dateOfBirth: '1996-06-15', gender: 'female' },
  { citizenId: '037068002583', fullName: 'Mai Xuân Trường', dateOfBirth: '1968-03-03', gender: 'male' },
  { citizenId: '025189006690', fullName: 'Đinh Thị Hạnh', dateOfBirth: '1989-11-11', gender: 'female' },
  { citizenId: '031094014402', fullName: 'Tạ Quang Vinh', dateOfBirth: '1994-05-05', gender: 'male' },
  { citizenId: '022199003159', fullName: 'Lương Thị Thảo', dateOfBirth: '1999-08-08', gender: 'female' },
  { citizenId: '094081007725', fullName: 'Châu Văn Lợi', dateOfBirth: '1981-12-24', gender: 'male' },
  { citizenId: '001302016083', fullName: 'Kiều Thị Ngân', dateOfBirth: '2002-10-20', gender: 'female' },
  { citizenId: '030086005048', fullName: 'Tô Hoàng Long', dateOfBirth: '1986-01-30', gender: 'male' },
  { citizenId: '079193019471', fullName: 'Lâm Thị Ngọc Hân', dateOfBirth: '1993-03-08', gender: 'female' },
  { citizenId: '074077002214', fullName: 'Quách Văn Toàn', dateOfBirth: '1977-07-27', gender: 'male' },
  { citizenId: '001183011836', fullName: 'Nguyễn Thị Hòa', dateOfBirth: '1983-09-02', gender: 'female' },
  { citizenId: '001204002760', fullName: 'Trần Đức Mạnh', dateOfBirth: '2004-12-12', gender: 'male' },
  { citizenId: '001191013395', fullName: 'Phùng Thị Yến', dateOfBirth: '1991-04-01', gender: 'female' },
  { citizenId: '020072000462', fullName: 'La Văn Cường', dateOfBirth: '1972-10-15', gender: 'male' },
  { citizenId: '019197008127', fullName: 'Hà Thị Phương Thảo', dateOfBirth: '1997-02-14', gender: 'female' },
  { citizenId: '052090004983', fullName: 'Cao Minh Nhật', dateOfBirth: '1990-06-06', gender: 'male' },
  { citizenId: '056180001609', fullName: 'Văn Thị Thúy Kiều', dateOfBirth: '1980-08-18', gender: 'female' },
  { citizenId: '001088017254', fullName: 'Doãn Quốc Khánh', dateOfBirth: '1988-09-02', gender: 'male' },
  { citizenId: '004095003371', fullName: 'Nông Văn Dũng', dateOfBirth: '1995-01-25', gender: 'male' },
  { citizenId: '014300005906', fullName: 'Lò Thị Xuân', dateOfBirth: '2000-03-17', gender: 'female' },
  { citizenId: '086194006538', fullName: 'Âu Thị Diễm My', dateOfBirth: '1994-11-29', gender: 'female' },
  { citizenId: '040065000378', fullName: 'Thái Bá Lộc', dateOfBirth: '1965-05-19', gender: 'male' },
  { citizenId: '092305012640', fullName: 'Giang Thị Cẩm Tú', dateOfBirth: '2005-07-07', gender: 'female' },
  { citizenId: '079099020915', fullName: 'Nguyễn Hữu Nghĩa', dateOfBirth: '1999-12-31', gender: 'male' },
];

function licence(
  number: string,
  citizenId: string,
  holderName: string,
  licenceClass: string,
  issuedAt: string,
  expiresAt: string | null,
  issuingProvince: string,
  status: LicenceStatus = 'valid',
): DrivingLicence {
  return { number, citizenId, holderName, class: licenceClass, issuedAt, expiresAt, issuingProvince, status };
}

export const LICENCES: readonly DrivingLicence[] = [
  licence('010170052318', '001085004521', 'Nguyễn Văn An', 'B2', '2017-01-10', '2027-01-10', 'Hà Nội'),
  licence('791209004417', '079192013877', 'Trần Thị Bích Ngọc', 'A1', '2012-09-04', null, 'Hồ Chí Minh'),
  licence('481906013785', '048079002946', 'Lê Hoàng Phúc', 'B2', '2019-06-18', '2029-06-18', 'Đà Nẵng', 'revoked'),
  licence('312506002291', '031188007310', 'Phạm Thị Thu Hà', 'B', '2025-06-12', '2035-06-12', 'Hải Phòng', 'suspended'),
  licence('920903007742', '092090011058', 'Vũ Đức Thắng', 'A1', '2009-03-20', null, 'Cần Thơ'),
  licence('362304001963', '036087005612', 'Hoàng Minh Tuấn', 'C', '2023-04-05', '2028-04-05', 'Nam Định'),
  licence('401210018830', '040093008803', 'Nguyễn Văn An', 'A1', '2012-10-02', null, 'Nghệ An'),
  licence('792105031187', '079203006241', 'Bùi Quang Huy', 'A1', '2021-05-17', null, 'Hồ Chí Minh'),
  licence('012508004476', '001195015592', 'Đỗ Thị Hồng Nhung', 'B', '2025-08-26', '2035-08-26', 'Hà Nội'),
  licence('791510027765', '079082003387', 'Ngô Thanh Tùng', 'B2', '2015-10-02', '2025-10-02', 'Hồ Chí Minh'),
  licence('481703005529', '048198009920', 'Dương Thị Lan Anh', 'A1', '2017-03-15', null, 'Đà Nẵng'),
  licence('922211002036', '092075001174', 'Lý Văn Hùng', 'C', '2022-11-01', '2027-11-01', 'Cần Thơ'),
  licence('462003000918', '046184004455', 'Hồ Thị Thanh Tâm', 'B2', '2020-03-01', '2030-03-01', 'Thừa Thiên Huế'),
  licence('381909006643', '038091012268', 'Trịnh Quốc Bảo', 'D', '2019-09-16', '2024-09-16', 'Thanh Hóa'),
  licence('420405000327', '042170000891', 'Phan Thị Kim Liên', 'A1', '2004-05-11', null, 'Hà Tĩnh'),
  licence('792509040158', '079200018846', 'Võ Minh Khoa', 'A', '2025-09-20', null, 'Hồ Chí Minh'),
  licence('921808003394', '092196010317', 'Huỳnh Thị Mỹ Duyên', 'B2', '2018-08-07', '2028-08-07', 'Cần Thơ'),
  licence('372107001245', '037068002583', 'Mai Xuân Trường', 'E', '2021-07-19', '2026-07-19', 'Ninh Bình'),
  licence('251504002871', '025189006690', 'Đinh Thị Hạnh', 'A2', '2015-04-23', null, 'Phú Thọ'),
  licence('312302000764', '031094014402', 'Tạ Quang Vinh', 'FC', '2023-02-27', '2028-02-27', 'Hải Phòng'),
  licence('221911004082', '022199003159', 'Lương Thị Thảo', 'B2', '2019-11-20', '2029-11-20', 'Quảng Ninh'),
  licence('942112000539', '094081007725', 'Châu Văn Lợi', 'C', '2021-12-06', '2026-12-06', 'Sóc Trăng'),
  licence('012103068817', '001302016083', 'Kiều Thị Ngân', 'A1', '2021-03-09', null, 'Hà Nội'),
  licence('301612002650', '030086005048', 'Tô Hoàng Long', 'B2', '2016-12-14', '2026-12-14', 'Hải Dương'),
  licence('791607035580', '079193019471', 'Lâm Thị Ngọc Hân', 'B2', '2016-07-01', '2026-07-01', 'Hồ Chí Minh'),
  licence('742205001390', '074077002214', 'Quách Văn Toàn', 'D', '2022-05-30', '2027-05-30', 'Bình Dương'),
  licence('011804027719', '001183011836', 'Nguyễn Thị Hòa', 'B2', '2018-04-16', '2028-04-16', 'Hà Nội'),
  licence('012306054302', '001204002760', 'Trần Đức Mạnh', 'A1', '2023-06-08', null, 'Hà Nội'),
  licence('202403000418', '020072000462', 'La Văn Cường', 'C', '2024-03-25', '2029-03-25', 'Lạng Sơn'),
  licence('521409001876', '052090004983', 'Cao Minh Nhật', 'B2', '2014-09-29', '2024-09-29', 'Bình Định'),
  licence('560611000944', '056180001609', 'Văn Thị Thúy Kiều', 'A1', '2006-11-13', null, 'Khánh Hòa'),
  licence('011202019063', '001088017254', 'Doãn Quốc Khánh', 'B2', '2012-02-21', '2022-02-21', 'Hà Nội', 'revoked'),
  licence('041408000215', '004095003371', 'Nông Văn Dũng', 'A1', '2014-08-04', null, 'Cao Bằng'),
  licence('862503001127', '086194006538', 'Âu Thị Diễm My', 'B', '2025-03-10', '2035-03-10', 'Vĩnh Long'),
  licence('401801000651', '040065000378', 'Thái Bá Lộc', 'D', '2018-01-22', '2023-01-22', 'Nghệ An'),
  licence('922401006972', '092305012640', 'Giang Thị Cẩm Tú', 'A1', '2024-01-15', null, 'Cần Thơ'),
  licence('791802012236', '079099020915', 'Nguyễn Hữu Nghĩa', 'A1', '2018-02-05', null, 'Hồ Chí Minh'),
  licence('792110047781', '079099020915', 'Nguyễn Hữu Nghĩa', 'B2', '2021-10-18', '2031-10-18', 'Hồ Chí Minh'),
];

function citizen(citizenId: string): Citizen {
  const found = CITIZENS.find((c) => c.citizenId === citizenId);
  if (!found) throw new Error(`demo citizen ${citizenId} is not seeded`);
  return found;
}

function licenceNumbered(number: string): DrivingLicence {
  const found = LICENCES.find((l) => l.number === number);
  if (!found) throw new Error(`demo licence ${number} is not seeded`);
  return found;
}

/** Records the README, the demo script and tests refer to by role rather than by number. */
export const DEMO_RECORDS = {
  /** B2, valid, issued in Hà Nội, expires 10/01/2027: the typical renewal. */
  carHolderHanoi: { citizen: citizen('001085004521'), licence: licenceNumbered('010170052318') },
  /** A1, valid, issued in Hồ Chí Minh, no expiry. */
  motorbikeHolderHoChiMinh: { citizen: citizen('079192013877'), licence: licenceNumbered('791209004417') },
  revokedLicence: { citizen: citizen('048079002946'), licence: licenceNumbered('481906013785') },
  suspendedLicence: { citizen: citizen('031188007310'), licence: licenceNumbered('312506002291') },
  /** B2, valid but expired on 02/10/2025. */
  expiredLicence: { citizen: citizen('079082003387'), licence: licenceNumbered('791510027765') },
  /** The licence belongs to Hoàng Minh Tuấn, not to this applicant. */
  licenceOfAnotherPerson: { citizen: citizen('092090011058'), licence: licenceNumbered('362304001963') },
  withoutLicence: { citizen: citizen('001301020734') },
} as const;
