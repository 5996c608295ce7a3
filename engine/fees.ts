/**
 * What an applicant owes, from the fee rules of a definition and the form: a fixed amount,
 * an amount by case, or a percentage of a value on the form; times a number of units; nothing
 * when an exemption applies. Pure: the workflow computes the payment with it, the form page
 * shows the same figure in advance.
 */
import { holds } from './conditions';
import type { Fee } from './definition';

export interface FeeLine {
  id: string;
  label: string;
  amount: number;
  /** Why nothing is due, when an exemption applied. */
  exemption?: string;
}

export function feeLine(fee: Fee, form: Record<string, string>): FeeLine {
  const facts = { form };
  const exemption = (fee.exemptions ?? []).find((e) => holds(e.when, facts));
  if (exemption) return { id: fee.id, label: fee.label, amount: 0, exemption: exemption.label };
  let amount = 0;
  if (fee.amount !== undefined) amount = fee.amount;
  else if (fee.cases) amount = fee.cases.find((c) => holds(c.when, facts))?.amount ?? 0;
  else if (fee.percent) {
    const rate = fee.percent.rates.find((r) => !r.when || holds(r.when, facts))?.rate ?? 0;
    amount = Math.round((Number(form[fee.percent.ofField] || 0) * rate) / 100);
  }
  if (fee.perUnitField) amount *= Math.max(0, Math.floor(Number(form[fee.perUnitField] || 0)));
  return { id: fee.id, label: fee.label, amount };
}

export function feeLines(fees: readonly Fee[], ids: readonly string[] | undefined, form: Record<string, string>): FeeLine[] {
  return fees.filter((f) => !ids || ids.includes(f.id)).map((f) => feeLine(f, form));
}

export function totalOf(lines: readonly FeeLine[]): number {
  return lines.reduce((sum, l) => sum + l.amount, 0);
}
