/**
 * Mail sandbox: an SMTP server (the smtp-server package) that receives what the outbox relay
 * sends, parses each message with mailparser and keeps it in memory, and an HTTP endpoint to
 * read what arrived (the development mailbox, tests).
 *
 * Like a mail store that de-duplicates by Message-ID, a second copy of one message (the relay
 * retrying after a crash between sending and recording) is accepted and dropped: the Message-ID
 * is derived from the outbox key (activities/delivery/email.ts). Faults, as real mail servers
 * have them: latency, transient refusals (451, for a share of messages or the next few) and a
 * permanent one (550) for any recipient of a `.invalid` domain, as for an unknown mailbox.
 */
import express from 'express';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';
import { jsonErrors, parseBody } from '../http';

export interface MailSandboxOptions {
  latencyMs: [number, number];
  /** Share of messages refused transiently (451), 0 to 1. */
  failureRate: number;
  random?: () => number;
  /** Oldest messages go first beyond this many. */
  keep?: number;
}

export interface ReceivedMail {
  messageId: string;
  /** The outbox key the relay put in X-Motcua-Outbox-Key. */
  outboxKey?: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

export type MailFault = 'unavailable' | 'reject';

export interface MailSandboxControl {
  messages(): ReceivedMail[];
  /** Copies received again and dropped (same Message-ID). */
  duplicates(): number;
  failNext(count: number, kind: MailFault): void;
  configure(changes: Partial<Pick<MailSandboxOptions, 'latencyMs' | 'failureRate'>>): void;
  clear(): void;
  close(): void;
}

export interface MailSandbox {
  smtp: SMTPServer;
  app: express.Express;
  control: MailSandboxControl;
}

/** An SMTP refusal with its reply code, as smtp-server sends it. */
function refusal(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase())).filter(Boolean);
}

export function createMailSandbox(options: MailSandboxOptions): MailSandbox {
  const random = options.random ?? Math.random;
  const keep = options.keep ?? 5000;
  let settings = { latencyMs: options.latencyMs, failureRate: options.failureRate };
  const forced: MailFault[] = [];
  const received: ReceivedMail[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const timers = new Set<NodeJS.Timeout>();
  const hold = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'motcua mail sandbox',
    closeTimeout: 1000,
    size: 10 * 1024 * 1024,
    logger: false,
    onRcptTo(address, _session, callback) {
      // An unknown mailbox: refused for good, as a real server does.
      if (/\.invalid$/i.test(address.address)) return callback(refusal(550, '5.1.1 Mailbox does not exist'));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const [low, high] = settings.latencyMs;
          await hold(low + random() * (high - low));
          const fault = forced.length ? forced.shift() : random() < settings.failureRate ? 'unavailable' : undefined;
          if (fault === 'unavailable') return callback(refusal(451, '4.3.0 Temporary failure, try again later'));
          if (fault === 'reject') return callback(refusal(554, '5.6.0 Message refused'));
          const messageId = mail.messageId ?? `<sandbox-${received.length + duplicates + 1}@mail.sandbox>`;
          if (seen.has(messageId)) {
            duplicates++;
            return callback();
          }
          seen.add(messageId);
          const outboxKey = mail.headers.get('x-motcua-outbox-key');
          received.push({
            messageId,
            outboxKey: typeof outboxKey === 'string' ? outboxKey : undefined,
            from: addresses(mail.from)[0] ?? '',
            to: addresses(mail.to),
            subject: mail.subject ?? '',
            text: (mail.text ?? '').replace(/\n$/, ''),
            receivedAt: new Date().toISOString(),
          });
          if (received.length > keep) received.shift();
          callback();
        })
        .catch((error: unknown) => callback(refusal(451, `4.6.0 Could not read the message: ${(error as Error).message}`)));
    },
  });
  smtp.on('error', () => undefined);

  const control: MailSandboxControl = {
    messages: () => [...received],
    duplicates: () => duplicates,
    failNext(count, kind) {
      for (let i = 0; i < count; i++) forced.push(kind);
    },
    configure(changes) {
      settings = { ...settings, ...changes };
    },
    clear() {
      received.length = 0;
      seen.clear();
      duplicates = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };

  const app = express();
  app.get('/messages', (req, res) => {
    const to = typeof req.query.to === 'string' ? req.query.to.toLowerCase() : undefined;
    const list = received.filter((m) => !to || m.to.includes(to)).reverse();
    res.json({ messages: list, duplicates });
  });
  app.delete('/messages', (_req, res) => {
    control.clear();
    res.status(204).end();
  });
  app.use('/__sandbox', express.json());
  app.put('/__sandbox/config', (req, res) => {
    const changes = parseBody(
      z.object({ latencyMs: z.tuple([z.number().int().min(0), z.number().int().min(0)]), failureRate: z.number().min(0).max(1) }).partial().strict(),
      req,
      res,
    );
    if (!changes) return;
    control.configure(changes as Partial<MailSandboxOptions>);
    res.json(settings);
  });
  app.post('/__sandbox/fail-next', (req, res) => {
    const order = parseBody(z.object({ count: z.number().int().min(1).max(1000), kind: z.enum(['unavailable', 'reject']) }), req, res);
    if (!order) return;
    control.failNext(order.count, order.kind);
    res.json(order);
  });
  app.use(jsonErrors);
  return { smtp, app, control };
}
