/**
 * Communes and wards (cấp xã) that receive commune-level procedures in this installation.
 * A sample of the 3,321 units since 1 July 2025, with illustrative codes: administrators load
 * the full list from the national catalogue of administrative units.
 */
export interface Commune {
  code: string;
  name: string;
  provinceCode: string;
}

export const COMMUNES: readonly Commune[] = [
  { code: '00070', name: 'Phường Hoàn Kiếm', provinceCode: '01' },
  { code: '00004', name: 'Phường Ba Đình', provinceCode: '01' },
  { code: '00166', name: 'Phường Cầu Giấy', provinceCode: '01' },
  { code: '10105', name: 'Xã Sóc Sơn', provinceCode: '01' },
  { code: '26740', name: 'Phường Sài Gòn', provinceCode: '79' },
  { code: '26743', name: 'Phường Bến Thành', provinceCode: '79' },
  { code: '27013', name: 'Phường Thủ Đức', provinceCode: '79' },
  { code: '20194', name: 'Phường Hải Châu', provinceCode: '48' },
];

export function findCommune(code: string): Commune | undefined {
  return COMMUNES.find((c) => c.code === code);
}
