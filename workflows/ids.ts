/**
 * Workflow ids are derived from dossier codes in one place, both ways. A deployment prefix keeps
 * apart installations that share one Temporal namespace (staging and production, or several
 * provinces on one Temporal Cloud namespace): their dossier codes may coincide.
 */
const KIND = 'dossier:';

export function dossierWorkflowId(code: string, deployment = ''): string {
  return `${deployment ? `${deployment}/` : ''}${KIND}${code}`;
}

export function dossierCodeFromWorkflowId(workflowId: string): string | undefined {
  const at = workflowId.indexOf(KIND);
  return at >= 0 ? workflowId.slice(at + KIND.length) : undefined;
}
