/**
 * Dossier status codes as the national portal (Cổng Dịch vụ công Quốc gia) receives them.
 * The official specification was not found; these are the codes seen in several provincial
 * integrations (../shared/context/domain-rules.md). Status pushes keep this numbering.
 */
export const PORTAL_STATUS = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
} as const;

export type PortalStatus = keyof typeof PORTAL_STATUS;

export const PORTAL_STATUS_CODES: PortalStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export function portalStatusLabel(status: number): string {
  return PORTAL_STATUS[status as PortalStatus] ?? `Trạng thái ${status}`;
}

