import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

/**
 * Installs the Temporal native runtime with the SDK's logs at `level`. The runtime is a
 * per-process singleton: a second call, or a call after something already created it, keeps
 * the runtime there is.
 */
export function installRuntime(level: LogLevel = 'WARN'): void {
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // Already instantiated: nothing to do.
  }
}
