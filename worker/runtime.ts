import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from '../config/log';

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * Installs the Temporal native runtime with the SDK's logs at `level`, written through `logger`
 * (JSON lines like the rest of the process) when one is given. The runtime is a per-process
 * singleton: a second call, or a call after something already created it, keeps the runtime
 * there is.
 */
export function installRuntime(level: LogLevel = 'WARN', logger?: Logger): void {
  const sdkLogger = logger
    ? new DefaultLogger(level, (entry) => logger[PINO_LEVEL[entry.level]]({ sdk: true, ...entry.meta }, entry.message))
    : new DefaultLogger(level);
  try {
    Runtime.install({ logger: sdkLogger });
  } catch {
    // Already instantiated: nothing to do.
  }
}
