/**
 * Runs the registry sandbox as its own process (`node dist/sandboxes/registry/main.js`), or
 * in-process through `startRegistrySandbox` (tests, the start script).
 */
import { loadConfig } from '../../config';
import { listen, runUntilSignalled, type ListenAddress, type RunningSandbox } from '../http';
import { createRegistrySandbox, type RegistrySandboxOptions } from './app';

export async function startRegistrySandbox(options: RegistrySandboxOptions & ListenAddress): Promise<RunningSandbox> {
  const { app, control } = createRegistrySandbox(options);
  return listen(app, options, control.close);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startRegistrySandbox({
    apiKey: config.registry.apiKey,
    latencyMs: config.sandbox.latencyMs,
    failureRate: config.sandbox.failureRate,
    host: '127.0.0.1',
    port: config.sandbox.registryPort,
  });
  runUntilSignalled('Registry sandbox', running);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
