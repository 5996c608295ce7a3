/**
 * Workflow ids are derived from dossier codes in one place. A deployment prefix keeps apart
 * installations that share one Temporal namespace (staging and production, or several
 * provinces on one Temporal Cloud namespace): their dossier codes may coincide.
 */
export function dossierWorkflowId(code: string, deployment = ''): string {
  return `${deployment ? `${deployment}/` : ''}dossier:${code}`;
}
