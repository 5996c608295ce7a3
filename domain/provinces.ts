/**
 * The 34 provincial-level units in force since 1 July 2025, with the predecessors they absorbed.
 * `code` is the two-digit statistical code the merged unit kept (unverified for a few merged
 * provinces: administrators correct data, never code). Old names stay so that dossiers and
 * licences issued before the merger can still be found.
 */
export interface Province {
  code: string;
  name: string;
  kind: 'city' | 'province';
  /** Units merged into this one on 1 July 2025 (including itself when it kept its name). */
  predecessors: string[];
}

const city = (code: string, name: string, predecessors: string[] = [name]): Province => ({
  code,
  name,
  kind: 'city',
  predecessors,
});
const province = (code: string, name: string, predecessors: string[] = [name]): Province => ({
  code,
  name,
  kind: 'province',
  predecessors,
});

export const PROVINCES: readonly Province[] = [
  city('01', 'Hà Nội'),
  city('46', 'Huế'),
  city('31', 'Hải Phòng', ['Hải Phòng', 'Hải Dương']),
  city('48', 'Đà Nẵng', ['Đà Nẵng', 'Quảng Nam']),
  city('79', 'Hồ Chí Minh', ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa – Vũng Tàu']),
  city('92', 'Cần Thơ', ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang']),
  province('12', 'Lai Châu'),
  province('11', 'Điện Biên'),
  province('14', 'Sơn La'),
  province('20', 'Lạng Sơn'),
  province('22', 'Quảng Ninh'),
  province('38', 'Thanh Hóa'),
  province('40', 'Nghệ An'),
  province('42', 'Hà Tĩnh'),
  province('04', 'Cao Bằng'),
  province('08', 'Tuyên Quang', ['Tuyên Quang', 'Hà Giang']),
  province('15', 'Lào Cai', ['Lào Cai', 'Yên Bái']),
  province('19', 'Thái Nguyên', ['Thái Nguyên', 'Bắc Kạn']),
  province('25', 'Phú Thọ', ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình']),
  province('24', 'Bắc Ninh', ['Bắc Ninh', 'Bắc Giang']),
  province('33', 'Hưng Yên', ['Hưng Yên', 'Thái Bình']),
  province('37', 'Ninh Bình', ['Ninh Bình', 'Hà Nam', 'Nam Định']),
  province('44', 'Quảng Trị', ['Quảng Trị', 'Quảng Bình']),
  province('51', 'Quảng Ngãi', ['Quảng Ngãi', 'Kon Tum']),
  province('52', 'Gia Lai', ['Gia Lai', 'Bình Định']),
  province('56', 'Khánh Hòa', ['Khánh Hòa', 'Ninh Thuận']),
  province('68', 'Lâm Đồng', ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận']),
  province('66', 'Đắk Lắk', ['Đắk Lắk', 'Phú Yên']),
  province('75', 'Đồng Nai', ['Đồng Nai', 'Bình Phước']),
  province('80', 'Tây Ninh', ['Tây Ninh', 'Long An']),
  province('86', 'Vĩnh Long', ['Vĩnh Long', 'Bến Tre', 'Trà Vinh']),
  province('82', 'Đồng Tháp', ['Đồng Tháp', 'Tiền Giang']),
  province('96', 'Cà Mau', ['Cà Mau', 'Bạc Liêu']),
  province('91', 'An Giang', ['An Giang', 'Kiên Giang']),
];

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));

export function findProvince(code: string): Province | undefined {
  return byCode.get(code);
}

/** "Thành phố Hà Nội", "Tỉnh Lai Châu": the form used on documents. */
export function provinceTitle(p: Province): string {
  return `${p.kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${p.name}`;
}
