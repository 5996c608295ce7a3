/**
 * Messages to applicants go through an outbox table: one row per idempotency key, so a retried
 * write never sends twice. Rows are written in the same transaction as the projection batch
 * that caused them (activities/projection.ts), so no message leaves for a decision Temporal did
 * not record. Delivery (e-mail, SMS) reads the outbox; in development the mailbox page shows it
 * and the log prints one line per message, with the recipient masked.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApplicantLinks } from '../domain/applicant-links';
import { maskRecipient } from '../domain/personal-data';
import { Dossier, Notification } from '../db/entities';
import type { Orm } from '../db/orm';
import type { OutboxMessage } from '../workflows/messages';
import type { NotifyInput } from './contract';

/** Replaces {{name}} placeholders; an unknown placeholder is left visible rather than dropped. */
export function renderTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

export type OutboxLog = (line: string) => void;

/** Writes messages of one dossier to the outbox (once per key) with `em`, inside the caller's transaction. */
export async function writeOutbox(
  em: EntityManager,
  dossierCode: string,
  messages: readonly OutboxMessage[],
  links: ApplicantLinks,
  log: OutboxLog,
): Promise<void> {
  // The lookup link carries the dossier's lookup secret: the message goes to the applicant only.
  const secret = messages.length ? (await em.findOne(Dossier, { code: dossierCode }, { fields: ['lookupSecret'] }))?.lookupSecret : undefined;
  for (const message of messages) {
    const values: Record<string, string> = {
      lookupLink: links.lookup(dossierCode, secret),
      resultLink: links.result(dossierCode),
      ...(message.supplementRound ? { supplementLink: links.supplement(dossierCode, message.supplementRound) } : {}),
      ...message.values,
    };
    const recipient = message.to.email ?? message.to.phone ?? '';
    const subject = renderTemplate(message.template.subject, values);
    const inserted = await em
      .createQueryBuilder(Notification)
      .insert({
        key: message.key,
        dossierCode,
        channel: message.to.email ? 'email' : 'sms',
        recipient,
        recipientName: message.to.name,
        subject,
        body: renderTemplate(message.template.body, values),
        createdAt: new Date(),
      })
      .onConflict('key')
      .ignore()
      .execute('run');
    // The key names the dossier and the template; the subject may quote personal data, so it stays out.
    if (inserted.affectedRows) log(`[thông báo] ${message.key} → ${maskRecipient(recipient)}`);
  }
}

/** Legacy activity: dossiers started before messages travelled in the projection batch write them here. */
export function createNotifier(orm: Orm, links: ApplicantLinks, log: OutboxLog) {
  return async function notifyApplicant(input: NotifyInput): Promise<void> {
    const { dossierCode, ...message } = input;
    await writeOutbox(orm.em.fork(), dossierCode, [message], links, log);
  };
}
