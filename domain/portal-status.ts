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

/**
 * The codes by name, for definitions and code that sets a status: `status: STATUS.ACCEPTED`
 * reads as what it means, where a bare `2` would have to be looked up.
 */
export const STATUS = {
  REGISTERED: 1,
  ACCEPTED: 2,
  NOT_ACCEPTED: 3,
  IN_PROGRESS: 4,
  SUPPLEMENT_REQUESTED: 5,
  AWAITING_PAYMENT: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  PROCESSED: 9,
  RESULT_RETURNED: 10,
} as const satisfies Record<string, PortalStatus>;

export const PORTAL_STATUS_CODES: PortalStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export function portalStatusLabel(status: number): string {
  return PORTAL_STATUS[status as PortalStatus] ?? `Trạng thái ${status}`;
}


/**
 * The status a page shows: a dossier accepted once never reads "Mới đăng ký" again. The
 * workflow keeps this itself since `status-never-back`; rows projected before still hold 1.
 */
export function displayedStatus(dossier: { status: number; acceptedAt?: Date | string | null }): number {
  return dossier.status === STATUS.REGISTERED && dossier.acceptedAt ? STATUS.IN_PROGRESS : dossier.status;
}

/** Ends that decide nothing on time (domain/outcomes.ts). */
const ENDED_WITHOUT_RESULT_OUTCOMES: ReadonlySet<string> = new Set(['refused', 'rejected', 'cancelled']);
const ENDED_WITHOUT_RESULT_STATUSES: ReadonlySet<number> = new Set([STATUS.NOT_ACCEPTED, STATUS.WITHDRAWN, STATUS.STOPPED]);

/**
 * Whether a dossier ended without a result (refused at intake, rejected, stopped, withdrawn): it
 * has no deadline standing ("on time") and no appointment, as if it were still running.
 */
export function endedWithoutResult(dossier: { outcome?: string | null; status: number }): boolean {
  return (!!dossier.outcome && ENDED_WITHOUT_RESULT_OUTCOMES.has(dossier.outcome)) || ENDED_WITHOUT_RESULT_STATUSES.has(dossier.status);
}
