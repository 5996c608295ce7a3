/** How fee rules read on the public pages: the amount, or how it is worked out, and the exemptions. */
import { formatVnd } from '../../domain/money';
import type { Fee } from '../../engine/definition';

export function describeFee(fee: Fee): { label: string; amount: string; exemptions: string[] } {
  let amount: string;
  if (fee.amount !== undefined) amount = fee.amount === 0 ? 'Không thu' : formatVnd(fee.amount);
  else if (fee.cases) amount = `Tùy trường hợp: ${[...new Set(fee.cases.map((c) => formatVnd(c.amount)))].join(' hoặc ')}; trường hợp khác không thu`;
  else {
    const rates = [...new Set(fee.percent!.rates.map((r) => `${String(r.rate).replace('.', ',')}%`))];
    amount = `${rates.join(' hoặc ')} giá trị tính lệ phí`;
  }
  if (fee.perUnitField) amount += ' (mỗi bộ/đơn vị)';
  return { label: fee.label, amount, exemptions: (fee.exemptions ?? []).map((e) => e.label) };
}

/** One line for lists: the fees of a procedure at a glance. */
export function feeSummary(fees: readonly Fee[]): string {
  if (!fees.length) return 'Không thu phí, lệ phí';
  return fees.map((f) => describeFee(f).amount).join('; ');
}
