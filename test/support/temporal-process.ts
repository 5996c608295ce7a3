/**
 * A Temporal dev server that a test can kill and start again: the CLI binary (.tools/temporal, or
 * TEMPORAL_CLI_PATH) as a child process, with its history in a SQLite file, so a restart on the
 * same port finds every workflow where it was. For fault tests; other tests share the dev
 * server of the global setup.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { portAccepts } from '../../scripts/lib/start-units';
import { BUILT_CLI, DEV_SERVER_DYNAMIC_CONFIG } from '../../worker/temporal-dev-server';

export interface TemporalProcess {
  address: string;
  /** SIGKILL, as a crash or a pulled plug would. */
  kill(): Promise<void>;
  /** Starts again on the same port and database file. */
  start(): Promise<void>;
}


export async function temporalProcess(options: { port: number; dataDir: string }): Promise<TemporalProcess> {
  const binary = process.env.TEMPORAL_CLI_PATH ?? BUILT_CLI;
  if (!fs.existsSync(binary)) throw new Error(`no Temporal CLI at ${binary}: run npm run temporal:build`);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const dbFile = path.join(options.dataDir, 'temporal.sqlite');
  let child: ChildProcess | undefined;
  let output = '';

  const start = async () => {
    // Already running: a second server on the same port would fail, and this handle would lose
    // the running one, which then outlives the test and keeps Jest from exiting.
    if (child && child.exitCode === null && child.signalCode === null) return;
    output = '';
    child = spawn(
      binary,
      [
        ...['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--headless'],
        ...['--db-filename', dbFile, '--log-level', 'error', '--namespace', 'default'],
        ...DEV_SERVER_DYNAMIC_CONFIG.flatMap((setting) => ['--dynamic-config-value', setting]),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    const deadline = Date.now() + 30_000;
    while (!(await portAccepts(options.port))) {
      if (child.exitCode !== null) throw new Error(`Temporal dev server exited: ${output}`);
      if (Date.now() > deadline) throw new Error(`Temporal dev server did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };

  await start();
  return { address: `127.0.0.1:${options.port}`, kill, start };
}
