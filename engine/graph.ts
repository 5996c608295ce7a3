/**
 * The step graph of a definition: where each step can lead, and which steps belong to a
 * branch of a parallel step. Free of other imports: the checker and the workflow share it.
 */
import type { ProcedureDefinition, Step } from './definition';

/** Step ids a step can lead to, with the path of each reference in the definition. */
export function stepTargets(step: Step, index: number): { path: string; target: string }[] {
  const at = `steps[${index}]`;
  switch (step.kind) {
    case 'task':
      return step.actions.map((a, i) => ({ path: `${at}.actions[${i}].next`, target: a.next }));
    case 'check':
      return [
        { path: `${at}.next`, target: step.next },
        { path: `${at}.onMismatch`, target: step.onMismatch },
      ];
    case 'branch':
      return [
        ...step.cases.map((c, i) => ({ path: `${at}.cases[${i}].next`, target: c.next })),
        { path: `${at}.otherwise`, target: step.otherwise },
      ];
    case 'parallel':
      return step.branches.map((b, i) => ({ path: `${at}.branches[${i}].start`, target: b.start }));
    case 'payment':
      return [
        { path: `${at}.next`, target: step.next },
        { path: `${at}.onTimeout`, target: step.onTimeout },
      ];
    case 'supplement':
    case 'issue':
    case 'custom':
      return [{ path: `${at}.next`, target: step.next }];
    case 'end':
      return [];
  }
}

/** The steps of one branch of a parallel step: reachable from its start without passing the join. */
export function branchSteps(def: Pick<ProcedureDefinition, 'steps'>, start: string, join: string): Set<string> {
  const byId = new Map(def.steps.map((s, i) => [s.id, i]));
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === join || seen.has(id) || !byId.has(id)) continue;
    const step = def.steps[byId.get(id)!];
    // A branch ends where it leaves for an end step: those belong to the whole flow.
    if (step.kind === 'end') continue;
    seen.add(id);
    queue.push(...stepTargets(step, byId.get(id)!).map((t) => t.target));
  }
  return seen;
}
