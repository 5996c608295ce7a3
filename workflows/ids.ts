/**
 * Workflow ids are derived from dossier codes in one place. A deployment prefix keeps apart
 * installations that share one Temporal namespace (staging and production, or several
 * provinces on one Temporal Cloud namespace): their dossier codes may coincide.
 */
export function dossierWorkflowId(code: string, deployment = ''): string {
  return `${deployment ? `${deployment}/` : ''}dossier:${code}`;
}

const inDeployment = (id: string, deployment: string) => (deployment ? `${deployment}/${id}` : id);

/** A bulk reassignment (workflows/reassignment.ts), by its batch id. */
export function reassignmentWorkflowId(batchId: string, deployment = ''): string {
  return inDeployment(`reassignment:${batchId}`, deployment);
}

/** The recomputation of every open dossier's deadlines after a calendar change. */
export function calendarChangeWorkflowId(changeId: string, deployment = ''): string {
  return inDeployment(`calendar-change:${changeId}`, deployment);
}

/** The delegation of one absence (workflows/absence.ts), by the absence's id. */
export function absenceWorkflowId(absenceId: number, deployment = ''): string {
  return inDeployment(`absence:${absenceId}`, deployment);
}
