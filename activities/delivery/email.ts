/**
 * E-mail through nodemailer to an SMTP server (SMTP_URL; in development the mail sandbox). The
 * Message-ID is derived from the outbox key and the key travels in X-Motcua-Outbox-Key: SMTP has
 * no idempotency key, so a second copy after a crash between sending and recording carries the
 * same Message-ID, which receivers (the sandbox, most mail stores and clients) de-duplicate by.
 * Reply codes: 5xx refuses for good, 4xx and connection trouble are worth another try.
 */
import nodemailer from 'nodemailer';
import { recordExternalCall } from '../metrics';
import { type Delivered, type DeliveryAdapter, DeliveryFailure, messageIdOf, type OutgoingMessage, plainCode } from './adapter';

export interface EmailOptions {
  smtpUrl: string;
  from: string;
  /** Connection and greeting timeout; the socket's is twice as long. */
  timeoutMs?: number;
}

interface SmtpError {
  responseCode?: number;
  code?: string;
}

function failureOf(error: unknown): DeliveryFailure {
  const { responseCode, code } = (error ?? {}) as SmtpError;
  if (typeof responseCode === 'number' && responseCode >= 500) return new DeliveryFailure('permanent', `Máy chủ thư từ chối thư (mã ${responseCode}).`);
  if (typeof responseCode === 'number' && responseCode >= 400) return new DeliveryFailure('transient', `Máy chủ thư tạm thời chưa nhận thư (mã ${responseCode}).`);
  return new DeliveryFailure('transient', `Không gửi được tới máy chủ thư (${plainCode(code) ?? 'lỗi kết nối'}).`);
}

export function emailAdapter(options: EmailOptions): DeliveryAdapter {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport(options.smtpUrl, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  } as object);
  return {
    async send(message: OutgoingMessage): Promise<Delivered> {
      const started = performance.now();
      let outcome: 'ok' | 'refused' | 'transient' = 'transient';
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: { name: message.recipientName, address: message.recipient },
          subject: message.subject,
          text: message.body,
          messageId: messageIdOf(message.key),
          headers: { 'X-Motcua-Outbox-Key': message.key },
        });
        outcome = 'ok';
        return { providerMessageId: String(info.messageId ?? messageIdOf(message.key)).slice(0, 200) };
      } catch (error) {
        const failure = failureOf(error);
        outcome = failure.kind === 'permanent' ? 'refused' : 'transient';
        throw failure;
      } finally {
        recordExternalCall('smtp: send', outcome, (performance.now() - started) / 1000);
      }
    },
    close: () => transport.close(),
  };
}
