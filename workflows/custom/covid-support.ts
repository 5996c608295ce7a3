/**
 * Hỗ trợ người lao động tạm hoãn hợp đồng lao động, nghỉ việc không hưởng lương (COVID-19,
 * Resolution 68/NQ-CP and Decision 23/2021/QĐ-TTg): the escape hatch in use. The definition
 * (procedures/covid-19-worker-support) describes the procedure as usual, with one `custom`
 * step this workflow writes in TypeScript: every worker on the employer's list is checked
 * against the social-insurance database, one check each, and the support is worked out per
 * worker. A list of any length is something the definition format cannot express.
 */
import { ActivityFailure } from '@temporalio/workflow';
import { formatVnd } from '../../domain/money';
import { registries } from '../dossier/activities';
import { nowIso } from '../dossier/clock';
import type { CustomStepContext } from '../dossier/custom-step';

/** Decision 23/2021/QĐ-TTg art. 15: 3.710.000 đ from one month of leave, 1.855.000 đ from 15 days. */
export function supportFor(days: number): number {
  if (days >= 30) return 3_710_000;
  if (days >= 15) return 1_855_000;
  return 0;
}

export interface Worker {
  line: number;
  citizenId: string;
  fullName: string;
  insuranceCode: string;
  days: number;
}

/** One worker per line: `số căn cước; họ tên; mã số BHXH; số ngày nghỉ`. Lines that do not parse are returned apart. */
export function parseWorkers(text: string): { workers: Worker[]; invalid: number[] } {
  const workers: Worker[] = [];
  const invalid: number[] = [];
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .forEach((line, i) => {
      if (!line) return;
      const [citizenId, fullName, insuranceCode, days] = line.split(';').map((p) => p.trim());
      if (!/^\d{12}$/.test(citizenId ?? '') || !fullName || !/^\d{10}$/.test(insuranceCode ?? '') || !/^\d{1,3}$/.test(days ?? '')) {
        invalid.push(i + 1);
        return;
      }
      workers.push({ line: i + 1, citizenId, fullName, insuranceCode, days: Number(days) });
    });
  return { workers, invalid };
}

export async function verifyWorkers(step: CustomStepContext): Promise<void> {
  const { workers, invalid } = parseWorkers(step.form.workers ?? '');
  const results = await Promise.all(
    workers.map(async (w) => {
      try {
        return await registries.runCheck({
          dossierCode: step.dossierCode,
          check: 'social-insurance.card',
          params: { insuranceCode: w.insuranceCode, citizenId: w.citizenId },
        });
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        return { outcome: 'error' as const, summary: `Không đối chiếu được: ${error.cause?.message ?? error.message}`, facts: {} };
      }
    }),
  );
  let eligible = 0;
  let total = 0;
  workers.forEach((w, i) => {
    const r = results[i];
    const amount = r.outcome === 'match' ? supportFor(w.days) : 0;
    if (amount) {
      eligible++;
      total += amount;
    }
    const summary = `${w.fullName}: ${r.summary}${amount ? `; hỗ trợ ${formatVnd(amount)}` : r.outcome === 'match' ? '; nghỉ dưới 15 ngày, không thuộc diện hỗ trợ' : ''}`;
    step.recordCheck({ ...r, summary, id: `worker-${w.line}`, check: 'social-insurance.card', label: `Người lao động dòng ${w.line}`, at: nowIso() });
  });
  step.recordOutputs({
    workersListed: String(workers.length + invalid.length),
    workersEligible: String(eligible),
    supportTotal: formatVnd(total),
  });
  step.handOver(
    `Đối chiếu bảo hiểm xã hội: ${eligible}/${workers.length + invalid.length} người lao động đủ điều kiện, tổng hỗ trợ ${formatVnd(total)}` +
      (invalid.length ? `; dòng không đúng mẫu: ${invalid.join(', ')}` : ''),
  );
}
