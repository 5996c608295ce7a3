/**
 * Seeded records of the registry sandbox: citizens of the national population database and
 * the driving licences issued to them; further down, enterprises, health-insurance cards and
 * vehicle quality certificates. Fictional people, built the way the real registers are:
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

// ---------------------------------------------------------------------------------------------
// National business registration database (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp).
//
// - A tax code (mã số thuế), which is also the enterprise code, has 10 digits: the first two the
//   province that issued it (01 Hà Nội, 03 Hồ Chí Minh, 04 Đà Nẵng; 8… for individuals and
//   household businesses), the tenth a check digit: 10 − (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5
//   + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11 (a result of 10 is never issued). A branch adds "-001"…
// - Addresses use the wards and communes in force since the July 2025 reform (no districts).
// - Legal representatives are citizens of CITIZENS, adults when the enterprise was registered.
// ---------------------------------------------------------------------------------------------

export type EnterpriseStatus = 'active' | 'suspended' | 'dissolved' | 'tax-code-closed';

export interface Enterprise {
  taxCode: string;
  name: string;
  status: EnterpriseStatus;
  address: string;
  legalRepresentative: string;
  /** YYYY-MM-DD of the first registration. */
  registeredAt: string;
  kind: 'enterprise' | 'household';
}

function enterprise(
  taxCode: string,
  name: string,
  address: string,
  legalRepresentative: string,
  registeredAt: string,
  status: EnterpriseStatus = 'active',
  kind: Enterprise['kind'] = 'enterprise',
): Enterprise {
  return { taxCode, name, status, address, legalRepresentative, registeredAt, kind };
}

const HN = 'Thành phố Hà Nội';
const HCM = 'Thành phố Hồ Chí Minh';
const DN = 'Thành phố Đà Nẵng';

export const ENTERPRISES: readonly Enterprise[] = [
  enterprise('0105128769', 'Công ty TNHH Thương mại Hoàng Long', `Số 18 phố Hàng Bài, Phường Hoàn Kiếm, ${HN}`, 'Nguyễn Văn An', '2011-11-08'),
  enterprise('0316382041', 'Công ty Cổ phần Xuất nhập khẩu Minh Phát', `Số 72 đường Nguyễn Thị Minh Khai, Phường Xuân Hòa, ${HCM}`, 'Trần Thị Bích Ngọc', '2020-08-17'),
  enterprise('0109253143', 'Công ty TNHH Công nghệ Sao Việt', `Tầng 9, số 9 phố Duy Tân, Phường Cầu Giấy, ${HN}`, 'Đỗ Thị Hồng Nhung', '2021-03-22'),
  enterprise('0401583278', 'Công ty Cổ phần Thực phẩm Hải Châu', `Số 120 đường Bạch Đằng, Phường Hải Châu, ${DN}`, 'Lê Hoàng Phúc', '2012-06-04'),
  enterprise('0402336183', 'Công ty TNHH Du lịch Sông Hàn', `Số 35 đường Trần Phú, Phường Hải Châu, ${DN}`, 'Dương Thị Lan Anh', '2020-10-19'),
  enterprise('0312145787', 'Công ty TNHH Siêu thị Phương Nam', `Số 15 đường Lê Lợi, Phường Bến Thành, ${HCM}`, 'Ngô Thanh Tùng', '2013-02-26'),
  enterprise('0308741522', 'Công ty Cổ phần Đầu tư Xây dựng Thành Đạt', `Số 210 đường Võ Văn Ngân, Phường Thủ Đức, ${HCM}`, 'Quách Văn Toàn', '2009-04-13', 'suspended'),
  enterprise('0101874639', 'Công ty TNHH May mặc Bình Minh', `Đường Núi Đôi, Xã Sóc Sơn, ${HN}`, 'Mai Xuân Trường', '2006-09-11', 'dissolved'),
  enterprise('0106934271', 'Công ty TNHH Vận tải Hưng Thịnh', `Số 56 phố Đội Cấn, Phường Ba Đình, ${HN}`, 'Tô Hoàng Long', '2014-10-06', 'tax-code-closed'),
  enterprise('0303618275', 'Công ty Cổ phần Dược phẩm An Khang', `Số 88 đường Hai Bà Trưng, Phường Sài Gòn, ${HCM}`, 'Phan Thị Kim Liên', '2004-12-20'),
  enterprise('0103481760', 'Công ty TNHH Nội thất Gỗ Việt', `Số 102 đường Trần Duy Hưng, Phường Yên Hòa, ${HN}`, 'Nguyễn Thị Hòa', '2008-11-03'),
  enterprise('0317529434', 'Công ty TNHH Thương mại Dịch vụ Kim Ngân', `Số 45 đường Trần Quang Khải, Phường Tân Định, ${HCM}`, 'Huỳnh Thị Mỹ Duyên', '2022-07-14'),
  enterprise('0400962717', 'Công ty Cổ phần Điện máy Thành Công', `Số 255 đường Hùng Vương, Phường Thanh Khê, ${DN}`, 'Thái Bá Lộc', '2003-05-27'),
  enterprise('8007341564', 'Hộ kinh doanh Tạp hóa Minh Châu', `Số 7 phố Hàng Bông, Phường Hoàn Kiếm, ${HN}`, 'Phạm Thị Thu Hà', '2016-03-15', 'active', 'household'),
  enterprise('0318260352', 'Công ty TNHH Giáo dục Ánh Dương', `Số 30 đường Phan Đăng Lưu, Phường Gia Định, ${HCM}`, 'Nguyễn Hữu Nghĩa', '2023-11-27'),
];

// ---------------------------------------------------------------------------------------------
// Social-insurance database: health-insurance cards (thẻ bảo hiểm y tế), keyed by the 10-digit
// social-insurance code (mã số bảo hiểm xã hội) printed on them, its first two digits the
// issuing province. Holders are citizens of CITIZENS. Benefit levels 1–5 (mức hưởng) as printed.
// ---------------------------------------------------------------------------------------------

export type InsuranceCardStatus = 'active' | 'expired' | 'revoked';

export interface InsuranceCard {
  insuranceCode: string;
  citizenId: string;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  validFrom: string;
  validTo: string;
  /** Where the holder registered for primary care (nơi đăng ký khám chữa bệnh ban đầu). */
  hospital: string;
  benefitLevel: 1 | 2 | 3 | 4 | 5;
  status: InsuranceCardStatus;
}

function card(
  insuranceCode: string,
  citizenId: string,
  hospital: string,
  benefitLevel: InsuranceCard['benefitLevel'],
  validFrom: string,
  validTo: string,
  status: InsuranceCardStatus = 'active',
): InsuranceCard {
  const holder = citizen(citizenId);
  return { insuranceCode, citizenId, fullName: holder.fullName, dateOfBirth: holder.dateOfBirth, validFrom, validTo, hospital, benefitLevel, status };
}

export const INSURANCE_CARDS: readonly InsuranceCard[] = [
  card('0108521473', '001085004521', 'Bệnh viện Đa khoa Xanh Pôn', 4, '2026-01-01', '2027-12-31'),
  card('7912386540', '079192013877', 'Bệnh viện Nhân dân Gia Định', 4, '2026-01-01', '2027-12-31'),
  card('4809215367', '048079002946', 'Bệnh viện Đa khoa Đà Nẵng', 4, '2025-07-01', '2027-06-30'),
  card('3108830125', '031188007310', 'Bệnh viện Hữu nghị Việt Tiệp', 4, '2026-01-01', '2027-12-31'),
  card('9209001158', '092090011058', 'Bệnh viện Đa khoa thành phố Cần Thơ', 4, '2025-01-01', '2025-12-31', 'expired'),
  card('3608756121', '036087005612', 'Bệnh viện Đa khoa tỉnh Nam Định', 4, '2026-01-01', '2026-12-31', 'revoked'),
  card('0101207342', '001301020734', 'Trạm Y tế phường Cầu Giấy', 4, '2026-01-01', '2026-12-31'),
  card('7920364188', '079203006241', 'Bệnh viện Nhân dân 115', 4, '2026-01-01', '2026-12-31'),
  card('0119515926', '001195015592', 'Bệnh viện Thanh Nhàn', 4, '2026-01-01', '2027-12-31'),
  card('7908233871', '079082003387', 'Bệnh viện Thủ Đức', 4, '2026-01-01', '2027-12-31'),
  card('9207511746', '092075001174', 'Bệnh viện Quân dân y thành phố Cần Thơ', 2, '2026-01-01', '2027-12-31'),
  card('4217008912', '042170000891', 'Bệnh viện Đa khoa tỉnh Hà Tĩnh', 3, '2026-01-01', '2027-12-31'),
  card('3706825836', '037068002583', 'Bệnh viện Đa khoa tỉnh Ninh Bình', 3, '2026-01-01', '2027-12-31'),
  card('0118318369', '001183011836', 'Bệnh viện Đa khoa Đức Giang', 4, '2026-01-01', '2027-12-31'),
  card('4006503785', '040065000378', 'Bệnh viện Hữu nghị Đa khoa Nghệ An', 3, '2026-01-01', '2027-12-31'),
];

// ---------------------------------------------------------------------------------------------
// Vehicle quality certificates of the Vietnam Register (Cục Đăng kiểm Việt Nam): the factory
// inspection slip of a vehicle assembled in Vietnam, or the certificate of an imported one, which
// the first registration fee (lệ phí trước bạ) relies on. Keyed by frame number, a VIN: 17
// characters without I, O or Q, the first three the maker (R… built in Vietnam: RLL VinFast,
// RLH Honda, RLC Yamaha, RL4 Toyota; M… imported from Indonesia), the tenth the model year
// (R 2024, S 2025). Certificate numbers are fictional: PXX- for domestic, NK- for imported.
// ---------------------------------------------------------------------------------------------

export type QualityCertificateStatus = 'valid' | 'revoked';

export interface QualityCertificate {
  frameNumber: string;
  engineNumber: string;
  certificateNumber: string;
  brand: string;
  model: string;
  vehicleType: 'car' | 'motorbike';
  seats: number;
  manufactureYear: number;
  origin: 'domestic' | 'imported';
  status: QualityCertificateStatus;
}

function vehicle(
  frameNumber: string,
  engineNumber: string,
  certificateNumber: string,
  brand: string,
  model: string,
  vehicleType: QualityCertificate['vehicleType'],
  seats: number,
  manufactureYear: number,
  origin: QualityCertificate['origin'],
  status: QualityCertificateStatus = 'valid',
): QualityCertificate {
  return { frameNumber, engineNumber, certificateNumber, brand, model, vehicleType, seats, manufactureYear, origin, status };
}

export const QUALITY_CERTIFICATES: readonly QualityCertificate[] = [
  vehicle('RLLVF5AB2SV004217', 'VFM5P25041873', 'PXX-2025-041873', 'VinFast', 'VF 5 Plus', 'car', 5, 2025, 'domestic'),
  vehicle('RLLVF3AC1SV015834', 'VFM3P25158346', 'PXX-2025-158346', 'VinFast', 'VF 3', 'car', 4, 2025, 'domestic'),
  vehicle('RL4B29F3XS5012846', '2NRX831457', 'PXX-2025-012846', 'Toyota', 'Vios 1.5G CVT', 'car', 5, 2025, 'domestic'),
  vehicle('RLUS341CBSN007359', 'G4LCPA624518', 'PXX-2025-007359', 'Hyundai', 'Accent 1.5 AT', 'car', 5, 2025, 'domestic'),
  vehicle('RNYSP81AMSC013582', 'G4FLRS135820', 'PXX-2025-013582', 'Kia', 'Seltos 1.5 Premium', 'car', 5, 2025, 'domestic'),
  vehicle('MK2NCXTANSJ002471', '4A91UH3027', 'NK-2025-002471', 'Mitsubishi', 'Xpander 1.5 AT', 'car', 7, 2025, 'imported'),
  vehicle('MHFGB8GS2R0051236', '2GDB417835', 'NK-2024-051236', 'Toyota', 'Fortuner 2.4 AT 4x2', 'car', 7, 2024, 'imported'),
  vehicle('RLHJK0312SY284519', 'JK03E2845196', 'PXX-2025-284519', 'Honda', 'Vision 110', 'motorbike', 2, 2025, 'domestic'),
  vehicle('RLCUG4410SY031478', 'G3R9E0314782', 'PXX-2025-031478', 'Yamaha', 'Exciter 155 VVA', 'motorbike', 2, 2025, 'domestic'),
  vehicle('RLHJA3919SY512037', 'JA39E5120371', 'PXX-2025-512037', 'Honda', 'Wave Alpha 110', 'motorbike', 2, 2025, 'domestic'),
  vehicle('RLHKF7206SY041925', 'KF72E0419253', 'PXX-2025-041925', 'Honda', 'SH 160i', 'motorbike', 2, 2025, 'domestic'),
  vehicle('RLLEV2E05SV009643', 'VFE2M25096431', 'PXX-2025-009643', 'VinFast', 'Evo200', 'motorbike', 2, 2025, 'domestic'),
  vehicle('MH1KF4110RK105732', 'KF41E1057324', 'NK-2024-105732', 'Honda', 'Vario 160', 'motorbike', 2, 2024, 'imported'),
  vehicle('RLHJK1204RY193624', 'JK12E1936247', 'PXX-2024-193624', 'Honda', 'Air Blade 125', 'motorbike', 2, 2024, 'domestic', 'revoked'),
];

function seeded<T>(records: readonly T[], matches: (record: T) => boolean, what: string): T {
  const found = records.find(matches);
  if (!found) throw new Error(`demo ${what} is not seeded`);
  return found;
}

const enterpriseCoded = (taxCode: string) => seeded(ENTERPRISES, (e) => e.taxCode === taxCode, `enterprise ${taxCode}`);
const cardCoded = (code: string) => seeded(INSURANCE_CARDS, (c) => c.insuranceCode === code, `insurance card ${code}`);
const vehicleFramed = (frame: string) => seeded(QUALITY_CERTIFICATES, (v) => v.frameNumber === frame, `vehicle ${frame}`);

/** Enterprises procedures' scenario tests and the demo refer to by role. */
export const DEMO_ENTERPRISES = {
  /** Hà Nội trading company, active: the typical applicant (e.g. a promotion notice). */
  activeTrader: enterpriseCoded('0105128769'),
  /** Hồ Chí Minh import-export joint-stock company, active. */
  activeExporter: enterpriseCoded('0316382041'),
  /** Hồ Chí Minh supermarket chain, active. */
  activeRetailer: enterpriseCoded('0312145787'),
  /** A household business (hộ kinh doanh), active. */
  household: enterpriseCoded('8007341564'),
  suspended: enterpriseCoded('0308741522'),
  dissolved: enterpriseCoded('0101874639'),
  taxCodeClosed: enterpriseCoded('0106934271'),
} as const;

/** Health-insurance cards with their holders (`citizen`), by role. */
export const DEMO_INSURANCE_CARDS = {
  /** Active until 31/12/2027, Nguyễn Văn An (the same person as DEMO_RECORDS.carHolderHanoi). */
  validCard: { citizen: citizen('001085004521'), card: cardCoded('0108521473') },
  /** Expired on 31/12/2025: still reissuable. */
  expiredCard: { citizen: citizen('092090011058'), card: cardCoded('9209001158') },
  revokedCard: { citizen: citizen('036087005612'), card: cardCoded('3608756121') },
  /** The card is Lê Hoàng Phúc's, not this applicant's. */
  cardOfAnotherPerson: { citizen: citizen('038091012268'), card: cardCoded('4809215367') },
  withoutCard: { citizen: citizen('004095003371') },
} as const;

/** Vehicles with a quality certificate, by role. */
export const DEMO_VEHICLES = {
  /** VinFast VF 5 Plus, assembled in Vietnam, 2025. */
  newCar: vehicleFramed('RLLVF5AB2SV004217'),
  /** Honda Vision 110, assembled in Vietnam, 2025. */
  newMotorbike: vehicleFramed('RLHJK0312SY284519'),
  /** Mitsubishi Xpander, 7 seats, imported. */
  importedCar: vehicleFramed('MK2NCXTANSJ002471'),
  /** Honda Air Blade 125 whose certificate was revoked. */
  revokedCertificate: vehicleFramed('RLHJK1204RY193624'),
} as const;
