/**
 * A local Temporal server for development, tests and benchmarks, used when TEMPORAL_ADDRESS
 * is unset. It is the Temporal CLI's dev server, started through @temporalio/testing: from the
 * binary `npm run temporal:build` made (.tools/temporal, or TEMPORAL_CLI_PATH), or else the
 * SDK's own download, which works wherever the machine can reach Temporal's servers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { projectRoot } from '../config/paths';

export const BUILT_CLI = path.join(projectRoot, '.tools', 'temporal');

export interface DevServerOptions {
  cliPath?: string;
  port?: number;
  /** Serve the Temporal Web UI on this port. */
  uiPort?: number;
  /** Keep workflow history in this SQLite file across restarts (in memory when unset). */
  dbFile?: string;
  namespace?: string;
  /** The Temporal UI decodes payloads through this codec server (motcua's /codec, for signed-in administrators). */
  uiCodecEndpoint?: string;
}

export interface DevServer {
  address: string;
  env: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

export function devServerExecutable(cliPath?: string) {
  const binary = cliPath ?? (fs.existsSync(BUILT_CLI) ? BUILT_CLI : undefined);
  return binary ? ({ type: 'existing-path', path: binary } as const) : ({ type: 'cached-download' } as const);
}

/**
 * Settings a production cluster would have: an activity a workflow task schedules is handed to
 * the worker that completed the task, in the same round trip (eager execution), when it has a
 * free slot; the read-model projection after each decision is such an activity.
 */
export const DEV_SERVER_DYNAMIC_CONFIG = ['system.enableActivityEagerExecution=true'];

/**
 * The command line the SDK's `createLocal` builds for the CLI, for callers that run the binary
 * themselves and must see it exit (scripts/start.ts supervises it and restarts it on the same
 * port and SQLite file). Without a built binary there is none: the SDK downloads its own.
 */
export function devServerCommand(options: DevServerOptions & { port: number }): { binary: string; args: string[] } | undefined {
  const executable = devServerExecutable(options.cliPath);
  if (executable.type !== 'existing-path') return undefined;
  if (options.dbFile) fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
  return {
    binary: executable.path,
    args: [
      ...['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--namespace', options.namespace ?? 'default'],
      ...['--log-format', 'pretty', '--log-level', 'warn'],
      ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
      ...(options.uiPort !== undefined ? ['--ui-port', String(options.uiPort)] : ['--headless']),
      ...DEV_SERVER_DYNAMIC_CONFIG.flatMap((setting) => ['--dynamic-config-value', setting]),
      ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    ],
  };
}

export async function startTemporalDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  if (options.dbFile) fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: devServerExecutable(options.cliPath),
      ip: '127.0.0.1',
      port: options.port,
      namespace: options.namespace ?? 'default',
      ui: options.uiPort !== undefined,
      uiPort: options.uiPort,
      dbFilename: options.dbFile,
      log: { format: 'pretty', level: 'warn' },
      extraArgs: [
        ...DEV_SERVER_DYNAMIC_CONFIG.flatMap((setting) => ['--dynamic-config-value', setting]),
        ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
      ],
    },
  });
  return { address: env.address, env, stop: () => env.teardown() };
}
