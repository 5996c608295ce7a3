/**
 * PostgreSQL notification channels between the processes that share the database. The
 * projection (a worker activity) notifies; the web listens.
 */

/** A dossier's read-model row has taken a batch; the payload is `<dossier code>:<version>`. */
export const DOSSIER_PROJECTED = 'dossier_projected';
