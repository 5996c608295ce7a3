/**
 * The time limits a definition sets, as the legal clock (domain/legal-clock.ts) counts them:
 * the procedure's (or a rule's, when its condition holds), a step's, and the office hours with
 * the procedure's own cut-off. Definitions written before limits had units say `processingDays`
 * and `workingDays`: those are working days.
 */
import { type OfficeHours, type TimeLimit } from '../domain/legal-clock';
import { type ConditionFacts, holds } from './conditions';
import type { ProcedureDefinition, TaskStep } from './definition';

const workingDays = (amount: number): TimeLimit => ({ amount, unit: 'working-days' });

/** The procedure's time limit before any rule applies. */
export function defaultProcessingLimit(def: Pick<ProcedureDefinition, 'timeLimit' | 'processingDays'>): TimeLimit {
  return def.timeLimit ?? workingDays(def.processingDays ?? 0);
}

/** The time limit that applies to a dossier: the first rule whose condition holds, or the default. */
export function processingLimit(def: Pick<ProcedureDefinition, 'timeLimit' | 'processingDays' | 'processingRules'>, facts: ConditionFacts): TimeLimit {
  const rule = def.processingRules?.find((r) => holds(r.when, facts));
  if (rule) return ruleLimit(rule);
  return defaultProcessingLimit(def);
}

/** A rule's time limit. */
export function ruleLimit(rule: { days?: number; timeLimit?: TimeLimit }): TimeLimit {
  return rule.timeLimit ?? workingDays(rule.days ?? 0);
}

/** A task step's own limit, if it has one. */
export function stepLimit(step: Pick<TaskStep, 'timeLimit' | 'workingDays'>): TimeLimit | undefined {
  if (step.timeLimit) return step.timeLimit;
  return step.workingDays ? workingDays(step.workingDays) : undefined;
}

/** The office's hours with the procedure's cut-off where the law sets one ("none": the receipt day always counts). */
export function hoursFor(def: Pick<ProcedureDefinition, 'cutoff'>, office: OfficeHours): OfficeHours {
  if (!def.cutoff) return office;
  return { ...office, cutoff: def.cutoff === 'none' ? '24:00' : def.cutoff };
}
