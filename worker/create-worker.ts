/** The worker for dossier workflows and their activities; wiring only. */
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DossierActivities } from '../activities/contract';

export interface DossierWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: DossierActivities;
  /** A pre-built bundle (tests build one per run); otherwise workflows/ is bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Encrypts payloads (config/temporal-connection.ts temporalDataConverter): the same as every client's. */
  dataConverter: WorkerOptions['dataConverter'];
  /** Fewer slots keep memory low on a small machine; more raise throughput. */
  maxConcurrentActivityTaskExecutions?: number;
}

export function workflowsPath(): string {
  return require.resolve('../workflows');
}

export async function createDossierWorker(options: DossierWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    dataConverter: options.dataConverter,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: workflowsPath() }),
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 100,
    // Workflows are small and many: keep their state cached between updates.
    maxCachedWorkflows: 1000,
  });
}
