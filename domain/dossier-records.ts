/**
 * What a dossier records of its checks, payment and results: shapes the workflow keeps, the
 * read model stores (db/entities/dossier.ts) and pages show. Defined here, below every layer
 * that uses them.
 */

export interface CheckResult {
  outcome: 'match' | 'mismatch' | 'error';
  /** One Vietnamese sentence for officials. */
  summary: string;
  /** Facts the registry returned, label -> value, shown on the dossier page. */
  facts: Record<string, string>;
}

export interface CheckRecord extends CheckResult {
  id: string;
  /** The registry check kind (engine/check-kinds.ts). */
  check: string;
  label: string;
  at: string;
}

export interface PaymentRecord {
  reference: string;
  amount: number;
  payUrl: string;
  deadlineAt: string;
  status: 'pending' | 'paid' | 'expired';
  transactionId?: string;
  paidAt?: string;
}

export interface ResultRecord {
  number: string;
  documentCode: string;
  issuedAt: string;
  title: string;
}

/** An apology with a new appointment (printed form 04): at most one per dossier. */
export interface ApologyRecord {
  at: string;
  reason: string;
  /** The appointment before, and the new one. */
  previousAppointmentAt: string;
  newAppointmentAt: string;
  by: { id: string; name: string };
}
