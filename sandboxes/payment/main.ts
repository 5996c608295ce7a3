/**
 * Runs the payment sandbox as its own process (`node dist/sandboxes/payment/main.js`), or
 * in-process through `startPaymentSandbox` (tests, the start script).
 */
import { loadConfig } from '../../config';
import { resolveSecrets } from '../../config/endpoints';
import { listen, runUntilSignalled, type ListenAddress, type RunningSandbox } from '../http';
import { createPaymentSandbox, type PaymentSandboxOptions } from './app';

export async function startPaymentSandbox(options: PaymentSandboxOptions & ListenAddress): Promise<RunningSandbox> {
  const { app, control } = createPaymentSandbox(options);
  return listen(app, options, control.close);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startPaymentSandbox({
    // The web's secret: from the environment (npm start passes it), or DATA_DIR/secrets.json.
    callbackSecret: resolveSecrets(config).paymentCallbackSecret,
    latencyMs: config.sandbox.latencyMs,
    failureRate: config.sandbox.failureRate,
    host: '127.0.0.1',
    port: config.sandbox.paymentPort,
  });
  runUntilSignalled('Payment sandbox', running);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
