/** Workflow ids are derived from dossier codes in one place, both ways. */
const PREFIX = 'dossier:';

export function dossierWorkflowId(code: string): string {
  return `${PREFIX}${code}`;
}

export function dossierCodeFromWorkflowId(workflowId: string): string | undefined {
  return workflowId.startsWith(PREFIX) ? workflowId.slice(PREFIX.length) : undefined;
}
