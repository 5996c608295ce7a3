/**
 * Notifications to applicants go through an outbox table: one row per idempotency key, so a
 * retried activity never sends twice. Delivery (e-mail, SMS) reads the outbox; in development
 * the mailbox page (/hop-thu) shows it and the log prints one line per message.
 */
import type { ApplicantLinks } from '../domain/applicant-links';
import { Notification } from '../db/entities';
import type { Orm } from '../db/orm';
import type { NotifyInput } from './contract';

/** Replaces {{name}} placeholders; an unknown placeholder is left visible rather than dropped. */
export function renderTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

export function createNotifier(orm: Orm, links: ApplicantLinks, log: (line: string) => void) {
  return async function notifyApplicant(input: NotifyInput): Promise<void> {
    const values: Record<string, string> = {
      lookupLink: links.lookup(input.dossierCode),
      resultLink: links.result(input.dossierCode),
      ...(input.supplementRound ? { supplementLink: links.supplement(input.dossierCode, input.supplementRound) } : {}),
      ...input.values,
    };
    const channel = input.to.email ? 'email' : 'sms';
    const em = orm.em.fork();
    const inserted = await em
      .createQueryBuilder(Notification)
      .insert({
        key: input.key,
        dossierCode: input.dossierCode,
        channel,
        recipient: input.to.email ?? input.to.phone ?? '',
        recipientName: input.to.name,
        subject: renderTemplate(input.template.subject, values),
        body: renderTemplate(input.template.body, values),
        createdAt: new Date(),
      })
      .onConflict('key')
      .ignore()
      .execute('run');
    if (inserted.affectedRows) log(`[thông báo] ${input.dossierCode} → ${input.to.email ?? input.to.phone}: ${renderTemplate(input.template.subject, values)}`);
  };
}
