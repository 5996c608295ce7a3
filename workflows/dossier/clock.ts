/** The workflow's clock: `Date` inside a workflow is Temporal's deterministic time. */
export function nowIso(): string {
  return new Date().toISOString();
}
