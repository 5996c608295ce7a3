/**
 * Whether a link an applicant followed was sent to them: the token in it is an HMAC of the
 * dossier code and the purpose (domain/applicant-links.ts), so the check needs only the secret.
 */
import { isValidLinkToken } from '../../domain/applicant-links';

export class ApplicantAccess {
  constructor(private readonly linkSecret: string) {}

  mayAnswerSupplement(code: string, round: number, token: string): boolean {
    return isValidLinkToken(this.linkSecret, code, `supplement-${round}`, token);
  }

  maySeeResult(code: string, token: string): boolean {
    return isValidLinkToken(this.linkSecret, code, 'result', token);
  }

  /** The page the payment gateway returns the payer to (domain/applicant-links.ts paymentReturnUrl). */
  maySeePaymentReturn(code: string, token: string): boolean {
    return isValidLinkToken(this.linkSecret, code, 'payment', token);
  }
}
