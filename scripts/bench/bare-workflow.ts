/**
 * The benchmark's baseline: a bare Temporal workflow with the dossier's shape (the same human
 * decisions as Updates that return when the workflow has moved on, the same activity calls in
 * the same order) but activities that do nothing and no read model. motcua's throughput is
 * reported as a share of this one's.
 */
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export interface BareActivities {
  step(name: string): Promise<void>;
}

const { step } = proxyActivities<BareActivities>({ startToCloseTimeout: '30s' });

export const bareDecision = defineUpdate<number, [number]>('decide');

export async function bareDossierWorkflow(): Promise<void> {
  let decided = 0;
  let settled = 0;
  setHandler(
    bareDecision,
    async (n) => {
      decided = n;
      await condition(() => settled >= n);
      return settled;
    },
    { validator: (n) => {
      if (n !== decided + 1) throw new Error(`decision ${n} out of order`);
    } },
  );
  const decision = async (n: number) => {
    settled = n - 1;
    await condition(() => decided >= n);
  };

  await step('notify-submitted');
  await step('plan-intake');
  await decision(1); // receiver accepts
  await step('plan-appointment');
  await step('notify-accepted');
  await Promise.all([step('check-identity'), step('check-licence')]);
  await step('request-payment');
  await step('notify-payment');
  await decision(2); // gateway confirms the payment
  await step('plan-review');
  await decision(3); // specialist proposes
  await step('plan-approval');
  await decision(4); // leader approves
  await step('issue-result');
  await step('notify-result');
  settled = 4;
}
