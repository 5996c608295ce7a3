/**
 * Runs the SMS sandbox as its own process (`node dist/sandboxes/sms/main.js`, on
 * SMS_SANDBOX_PORT), or in-process through `startSmsSandbox` (tests, the in-process stack).
 */
import { loadConfig } from '../../config';
import { listen, runUntilSignalled, type ListenAddress, type RunningSandbox } from '../http';
import { createSmsSandbox, type SmsSandboxControl, type SmsSandboxOptions } from './app';

export interface RunningSmsSandbox extends RunningSandbox {
  control: SmsSandboxControl;
}

export async function startSmsSandbox(options: SmsSandboxOptions & ListenAddress): Promise<RunningSmsSandbox> {
  const { app, control } = createSmsSandbox(options);
  return { ...(await listen(app, options, control.close)), control };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startSmsSandbox({
    apiKey: config.delivery.smsKey,
    latencyMs: config.sandbox.latencyMs,
    failureRate: config.sandbox.failureRate,
    host: '127.0.0.1',
    port: config.sandbox.smsPort,
  });
  runUntilSignalled('SMS sandbox', running);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
