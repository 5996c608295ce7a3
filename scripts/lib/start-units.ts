/**
 * The processes `npm start` runs, as units for the supervisor (scripts/lib/supervisor.ts): each
 * restart reuses what the first start used (PostgreSQL its data folder and port, the Temporal
 * dev server its port and SQLite file), so nothing is lost when one of them dies.
 */
import net from 'node:net';
import path from 'node:path';
import { startLocalPostgres, type LocalPostgresOptions } from '../../db/local-postgres';
import { devServerCommand, startTemporalDevServer, type DevServerOptions } from '../../worker/temporal-dev-server';
import { type Exit, type Instance, processUnit, type Unit } from './supervisor';

export function postgresUnit(options: LocalPostgresOptions, onStarted: (url: string) => void = () => undefined): Unit {
  return {
    name: 'postgres',
    async start(): Promise<Instance> {
      const postgres = await startLocalPostgres(options);
      onStarted(postgres.url);
      return { exited: postgres.exited, lastOutput: postgres.lastOutput, stop: () => postgres.stop() };
    },
  };
}

/** Whether something listens on 127.0.0.1:`port`. */
export function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function waitForPort(port: number, timeoutMs: number, gone: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await portAccepts(port))) {
    if (gone()) throw new Error('exited during start-up');
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The Temporal dev server. With a built CLI (.tools/temporal) it is our own child, so its exit is
 * seen at once. With the SDK's download (no Go here) the SDK owns the process: a port that stops
 * answering three times in a row (6 s) counts as its exit.
 */
export function temporalUnit(options: DevServerOptions & { port: number }): Unit {
  const command = devServerCommand(options);
  if (command) {
    return processUnit('temporal', command.binary, command.args, {}, { ready: (child) => waitForPort(options.port, 30_000, () => child.exitCode !== null) });
  }
  return {
    name: 'temporal',
    async start(): Promise<Instance> {
      const server = await startTemporalDevServer(options);
      let stopped = false;
      const exited = new Promise<Exit>((resolve) => {
        let misses = 0;
        const timer = setInterval(() => {
          void portAccepts(options.port).then((ok) => {
            misses = ok ? 0 : misses + 1;
            if (misses >= 3 || stopped) {
              clearInterval(timer);
              resolve({ code: null, signal: null });
            }
          });
        }, 2000);
      });
      return {
        exited,
        stop: async () => {
          stopped = true;
          await server.stop();
        },
      };
    },
  };
}

/** One of our compiled programs (dist/<script>) run by this node, with the given environment. */
export function nodeScriptUnit(name: string, distRoot: string, script: string, env: NodeJS.ProcessEnv): Unit {
  return processUnit(name, process.execPath, [path.join(distRoot, script)], { env });
}
