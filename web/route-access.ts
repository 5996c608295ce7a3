/**
 * Who may use each route of the app, declared in one table: the authorisation test
 * (test/web/authorisation.test.ts) walks the app's router, checks that every route is here and
 * nothing else is, and asks each route as every role of two agencies and as an anonymous visitor,
 * comparing what it answers with this table. The guards themselves stay next to the routes
 * (requireOfficial); a route added without a line here fails that test, and so does a guard that
 * drifts from its line.
 */
import type { OfficialRole } from '../domain/roles';

export interface RouteAccess {
  /**
   * `anyone` (no sign-in), `officials` (any signed-in official), the roles allowed, or
   * `api-clients` (an API client's credentials, web/middleware/api-auth.ts; no session: 401 without them).
   */
  who: 'anyone' | 'officials' | 'api-clients' | readonly OfficialRole[];
  /**
   * The path names an object of one agency (a dossier) or one province (an agency's office
   * hours): an allowed official of another one is answered 404, as if it did not exist.
   */
  scope?: 'agency' | 'province';
  /** What a successful answer is: a page (HTML, the default), JSON, a file (PDF, CSV, XLSX) or metrics text. Errors are HTML pages, or JSON where the route answers JSON. */
  answers?: 'page' | 'json' | 'file' | 'text';
  /** Mounted only outside production (the development mailbox). */
  devOnly?: boolean;
}

const OFFICIALS = 'officials';
const ANYONE = 'anyone';
/** Who works the tasks of steps. */
const WORKERS: readonly OfficialRole[] = ['receiver', 'specialist', 'leader'];
/** Supervisors act, leaders watch. */
const WATCHERS: readonly OfficialRole[] = ['supervisor', 'leader'];
const REPORT_READERS: readonly OfficialRole[] = ['supervisor', 'leader', 'admin'];
const ADMIN: readonly OfficialRole[] = ['admin'];
const AUDIT_READERS: readonly OfficialRole[] = ['supervisor', 'admin'];
const SUPERVISOR: readonly OfficialRole[] = ['supervisor'];

/** `METHOD /path` as the router declares it. */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // Machines: health, readiness, metrics (restricted by address, not by role).
  'GET /healthz': { who: ANYONE, answers: 'json' },
  'GET /readyz': { who: ANYONE, answers: 'json' },
  'GET /metrics': { who: ANYONE, answers: 'text' },

  // The JSON API: partners and the payment gateway, no session. Submitting takes an API client's
  // credentials; a dossier is read by the client that submitted it, or with its lookup secret.
  'POST /api/v1/payments/callback': { who: ANYONE, answers: 'json' },
  'GET /api/v1/procedures': { who: ANYONE, answers: 'json' },
  'GET /api/v1/openapi.json': { who: ANYONE, answers: 'json' },
  'POST /api/v1/dossiers': { who: 'api-clients', answers: 'json' },
  'GET /api/v1/dossiers/:code': { who: ANYONE, answers: 'json' },

  // Public pages.
  'GET /': { who: ANYONE },
  'GET /dang-nhap': { who: ANYONE },
  'POST /dang-nhap': { who: ANYONE },
  'POST /dang-xuat': { who: ANYONE },
  // The header's language switch (routes/language.ts): an official's choice is kept on the official.
  'POST /ngon-ngu': { who: ANYONE },
  // Single sign-on (routes/sso.ts): 404 unless OIDC_ISSUER is set.
  'GET /dang-nhap/sso': { who: ANYONE },
  'GET /dang-nhap/sso/callback': { who: ANYONE },
  'GET /nop-ho-so': { who: ANYONE },
  'GET /nop-ho-so/:procedure': { who: ANYONE },
  'POST /nop-ho-so/:procedure': { who: ANYONE },
  'GET /nop-ho-so/da-nop/:code': { who: ANYONE },
  // Where the payment gateway returns the payer (routes/public/payment-return.ts): the link's token, 400 without it.
  'GET /thanh-toan/:code': { who: ANYONE },
  'GET /tra-cuu': { who: ANYONE },
  // An applicant's links: the token in the link is the proof, not a session.
  'GET /bo-sung/:code': { who: ANYONE },
  'POST /bo-sung/:code': { who: ANYONE },
  'GET /ket-qua/:code': { who: ANYONE, answers: 'file' },
  'GET /ket-qua/:code/:documentCode.pdf': { who: ANYONE, answers: 'file' },
  'GET /thu-tuc': { who: ANYONE },
  'GET /thu-tuc/:code': { who: ANYONE },

  // The back office.
  'GET /cong-viec': { who: WORKERS },
  'POST /cong-viec/nhan': { who: WORKERS },
  // Release: a claimed task back to its group (routes/back-office/queue.ts).
  'POST /cong-viec/tra-lai': { who: WORKERS },
  // The agency's archive: every dossier, finished included, with search (issue 9).
  'GET /ho-so': { who: ['receiver', 'specialist', 'leader', 'supervisor'] },
  'GET /ho-so/:code': { who: OFFICIALS, scope: 'agency' },
  'POST /ho-so/:code/nhan': { who: OFFICIALS, scope: 'agency' },
  'POST /ho-so/:code/thao-tac': { who: OFFICIALS, scope: 'agency' },
  'POST /ho-so/:code/phan-cong': { who: SUPERVISOR, scope: 'agency' },
  'POST /ho-so/:code/xin-loi': { who: ['leader', 'supervisor'], scope: 'agency' },
  'GET /ho-so/:code/thu-xin-loi.pdf': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  'GET /ho-so/:code/ket-qua.pdf': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  'GET /ho-so/:code/ket-qua/:documentCode.pdf': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  'GET /ho-so/:code/giay-tiep-nhan.pdf': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  // The counter and documents (issue 9): walk-in intake, documents, cash fees, results handed over.
  'GET /quay/tiep-nhan': { who: ['receiver'] },
  'GET /quay/tiep-nhan/:procedure': { who: ['receiver'] },
  'POST /quay/tiep-nhan/:procedure': { who: ['receiver'] },
  'GET /ho-so/:code/tai-lieu': { who: ['receiver', 'specialist'], scope: 'agency' },
  'POST /ho-so/:code/tai-lieu': { who: ['receiver', 'specialist'], scope: 'agency' },
  'GET /ho-so/:code/tai-lieu/:id': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  'GET /ho-so/:code/thu-phi': { who: ['receiver'], scope: 'agency' },
  'POST /ho-so/:code/thu-phi': { who: ['receiver'], scope: 'agency' },
  'GET /ho-so/:code/bien-lai.pdf': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  'GET /ho-so/:code/tra-ket-qua': { who: ['receiver'], scope: 'agency' },
  'POST /ho-so/:code/tra-ket-qua': { who: ['receiver'], scope: 'agency' },
  // Printed forms (routes/back-office/forms.ts): 409 with the reason when the form does not apply to the dossier's state.
  'GET /ho-so/:code/phieu-yeu-cau-bo-sung.pdf': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  'GET /ho-so/:code/phieu-tu-choi-tiep-nhan.pdf': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  'GET /ho-so/:code/thong-bao-dung-xu-ly.pdf': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  'GET /ho-so/:code/phieu-kiem-soat.pdf': { who: OFFICIALS, scope: 'agency', answers: 'file' },
  'GET /so-theo-doi.pdf': { who: WATCHERS, answers: 'file' },
  'GET /giam-sat': { who: WATCHERS },
  'GET /giam-sat/nhiem-vu': { who: WATCHERS },
  'GET /giam-sat/can-bo': { who: WATCHERS },
  'POST /giam-sat/phan-cong': { who: SUPERVISOR },
  'GET /giam-sat/phan-cong/:batchId': { who: WATCHERS },
  'GET /giam-sat/vang-mat': { who: WATCHERS },
  'POST /giam-sat/vang-mat': { who: SUPERVISOR },
  'POST /giam-sat/vang-mat/:id/huy': { who: SUPERVISOR },
  // Failed deliveries of messages to applicants (routes/back-office/deliveries.ts): supervisors resend, leaders look; another agency's message is 404.
  'GET /giam-sat/tin-nhan-loi': { who: WATCHERS },
  'POST /giam-sat/tin-nhan-loi/:id/gui-lai': { who: SUPERVISOR },
  'GET /thong-bao': { who: OFFICIALS },
  'POST /thong-bao/da-doc': { who: OFFICIALS },
  'GET /bao-cao': { who: REPORT_READERS },
  'GET /bao-cao.csv': { who: REPORT_READERS, answers: 'file' },
  'GET /bao-cao.xlsx': { who: REPORT_READERS, answers: 'file' },
  // The audit trail (routes/back-office/audit.ts): a supervisor reads their agency's entries, an administrator all.
  'GET /nhat-ky': { who: AUDIT_READERS },
  'GET /nhat-ky.csv': { who: AUDIT_READERS, answers: 'file' },
  'GET /nhat-ky.xlsx': { who: AUDIT_READERS, answers: 'file' },

  // Administration.
  'GET /quan-tri/lich': { who: ADMIN },
  'GET /quan-tri/lich/:year': { who: ADMIN },
  'POST /quan-tri/lich/:year/ngay': { who: ADMIN },
  'POST /quan-tri/lich/:year/xac-nhan': { who: ADMIN },
  'GET /quan-tri/lich/:year/ngay/:day': { who: ADMIN },
  'POST /quan-tri/lich/:year/ngay/:day': { who: ADMIN },
  'POST /quan-tri/lich/:year/ngay/:day/xoa': { who: ADMIN },
  'GET /quan-tri/gio-lam-viec': { who: ADMIN },
  'GET /quan-tri/gio-lam-viec/:code': { who: ADMIN, scope: 'province' },
  'POST /quan-tri/gio-lam-viec/:code': { who: ADMIN, scope: 'province' },
  'POST /quan-tri/gio-lam-viec/:code/mac-dinh': { who: ADMIN, scope: 'province' },
  // The Temporal UI's codec server (routes/codec.ts): decrypted payloads hold personal data of
  // any agency's dossiers. JSON answers: anonymous is 401, not sent to sign in.
  'POST /codec/decode': { who: ADMIN, answers: 'json' },
  'POST /codec/encode': { who: ADMIN, answers: 'json' },

  // Development only: the notifications sent (a supervisor sees those of their agency's dossiers).
  'GET /hop-thu': { who: ['admin', 'supervisor'], devOnly: true },
};
