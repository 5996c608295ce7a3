/**
 * Runs the mail sandbox as its own process (`node dist/sandboxes/mail/main.js`: SMTP on
 * MAIL_SANDBOX_SMTP_PORT, reading on MAIL_SANDBOX_PORT), or in-process through
 * `startMailSandbox` (tests, the in-process stack).
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../config';
import { listen, runUntilSignalled, type RunningSandbox } from '../http';
import { createMailSandbox, type MailSandboxControl, type MailSandboxOptions } from './app';

export interface RunningMailSandbox extends RunningSandbox {
  /** smtp://host:port of its SMTP server. */
  smtpUrl: string;
  control: MailSandboxControl;
}

export async function startMailSandbox(options: MailSandboxOptions & { host: string; smtpPort: number; port: number }): Promise<RunningMailSandbox> {
  const { smtp, app, control } = createMailSandbox(options);
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(options.smtpPort, options.host, () => resolve());
  });
  const { port: smtpPort } = smtp.server.address() as AddressInfo;
  const http = await listen(app, options, control.close);
  return {
    url: http.url,
    smtpUrl: `smtp://${options.host}:${smtpPort}`,
    control,
    async close() {
      await http.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startMailSandbox({
    latencyMs: config.sandbox.latencyMs,
    failureRate: config.sandbox.failureRate,
    host: '127.0.0.1',
    smtpPort: config.sandbox.mailSmtpPort,
    port: config.sandbox.mailPort,
  });
  console.log(`Mail sandbox receiving on ${running.smtpUrl}`);
  runUntilSignalled('Mail sandbox', running);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
