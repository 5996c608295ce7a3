/**
 * Evaluates the conditions of a definition (on form values and check outcomes). Pure and free
 * of other imports: the workflow, the form validator and the fee calculator share it.
 */
import type { Condition } from './definition';

export interface ConditionFacts {
  form: Record<string, string>;
  /** check id -> outcome of the last run */
  checks?: Record<string, string>;
}

export function holds(condition: Condition, facts: ConditionFacts): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, facts));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts));
  if ('not' in condition) return !holds(condition.not, facts);
  if ('check' in condition) return facts.checks?.[condition.check] === condition.outcome;
  const value = facts.form[condition.field] ?? '';
  if (condition.in && !condition.in.includes(value)) return false;
  if (condition.notIn && condition.notIn.includes(value)) return false;
  if (condition.min !== undefined && !(value !== '' && Number(value) >= condition.min)) return false;
  if (condition.max !== undefined && !(value !== '' && Number(value) <= condition.max)) return false;
  return true;
}
