/**
 * How a dossier ends. The definition's end steps name one; the workflow reports it; pages show
 * its label. Free of other imports: workflow code uses it.
 */
export const OUTCOMES = ['completed', 'refused', 'rejected', 'cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  completed: 'Đã giải quyết',
  refused: 'Không tiếp nhận',
  rejected: 'Không giải quyết',
  cancelled: 'Dừng xử lý',
};
