/**
 * A change of the working calendar reaches every open dossier: the dossiers are read from the
 * read model page by page (an activity) and each dossier's workflow gets the `calendarChanged`
 * signal, which makes it load the calendar again and recompute its deadlines (a deadline that
 * moves says why in its timeline). Durable: a worker restart resumes where it was; a page
 * signalled twice changes nothing the second time. Long lists continue as new runs.
 */
import { continueAsNew, getExternalWorkflowHandle, proxyActivities } from '@temporalio/workflow';
import type { CalendarChangeActivities } from '../activities/contract';
import { dossierWorkflowId } from './ids';
import { type CalendarChangeInput, calendarChangedSignal } from './messages';

const { openDossiersAfter } = proxyActivities<CalendarChangeActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

const PAGE = 200;
/** Pages per run: keeps each run's history short. */
const PAGES_PER_RUN = 20;

export async function calendarChangeWorkflow(input: CalendarChangeInput): Promise<{ signalled: number }> {
  let afterId = input.afterId ?? 0;
  let signalled = input.signalled ?? 0;
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const dossiers = await openDossiersAfter({ afterId, limit: PAGE });
    await Promise.all(
      dossiers.map(async ({ code }) => {
        try {
          await getExternalWorkflowHandle(dossierWorkflowId(code, input.workflowIdPrefix)).signal(calendarChangedSignal, { reason: input.reason });
          signalled++;
        } catch {
          // The dossier ended meanwhile (or its workflow is gone): nothing to recompute.
        }
      }),
    );
    if (dossiers.length < PAGE) return { signalled };
    afterId = dossiers[dossiers.length - 1].id;
  }
  return continueAsNew<typeof calendarChangeWorkflow>({ ...input, afterId, signalled });
}
