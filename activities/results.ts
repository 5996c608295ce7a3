/**
 * Issues a dossier's result: takes its number from the procedure's numbering scheme, renders
 * the electronic document and stores it under its result code `<dossier>-KQ<n>` (Decree
 * 45/2020; one per issue step). Idempotent end to end: a retry finds the number and the stored
 * document it made before. As a regular activity it runs only for an approval Temporal recorded.
 */
import crypto from 'node:crypto';
import { localIsoDate } from '../domain/vietnam-time';
import type { CheckRecord } from '../domain/dossier-records';
import { nameOnResult, REGISTRY_NAME_FACT } from '../domain/vietnamese-names';
import { Dossier, DossierDocument } from '../db/entities';
import type { Orm } from '../db/orm';
import { renderResultDocument } from '../documents/result-document';
import { BUILT_IN_NUMBERING, formatNumber, type NumberingContext, sequencePrefix } from '../engine/numbering';
import type { ResultRecord } from '../workflows/messages';
import type { IssueResultInput } from './contract';
import { allocateNumber } from './numbering';

/** The code of a dossier's n-th result (the workflow names it; requests made before it did mean the first). */
export function resultDocumentCode(dossierCode: string, n = 1): string {
  return `${dossierCode}-KQ${n}`;
}

/**
 * The input with the holder's name as the registry spells it, when a check found it and it is
 * the applicant's name in another spelling convention ("Hòa" for "Hoà"); the form itself, and so
 * the applicant's spelling, is kept as declared.
 */
export function withRegistryName<T extends { form: Record<string, string> }>(input: T, checks: readonly CheckRecord[]): T {
  const declared = input.form.fullName;
  const registryName = checks.map((c) => c.facts[REGISTRY_NAME_FACT]).find((name) => !!name);
  if (!declared || !registryName) return input;
  const { printed } = nameOnResult(declared, registryName);
  return printed === declared ? input : { ...input, form: { ...input.form, fullName: printed } };
}

export function createResultIssuer(orm: Orm) {
  return async function issueResult(input: IssueResultInput): Promise<ResultRecord> {
    const documentCode = input.documentCode ?? resultDocumentCode(input.dossierCode);
    const scheme = input.document.numbering;
    const pattern = input.numberingPattern ?? BUILT_IN_NUMBERING[scheme].pattern;
    const context: NumberingContext = {
      provinceCode: input.agency.provinceCode,
      communeCode: input.agency.communeCode,
      agencyCode: input.agency.code,
      day: localIsoDate(new Date()),
    };
    const { number, issuedAt } = await allocateNumber(orm, {
      // Schemes a definition declares are its own; built-in ones are shared by name.
      scheme: BUILT_IN_NUMBERING[scheme]?.pattern === pattern ? scheme : `${input.procedureCode}/${scheme}`,
      prefix: sequencePrefix(pattern, context),
      format: (value) => formatNumber(pattern, context, value),
      dossierCode: input.dossierCode,
      documentCode,
    });

    const em = orm.em.fork();
    const stored = await em.findOne(DossierDocument, { code: documentCode });
    if (!stored) {
      const dossier = await em.findOneOrFail(Dossier, { code: input.dossierCode });
      const pdf = await renderResultDocument(withRegistryName(input, dossier.checks), number, documentCode, issuedAt);
      await em
        .createQueryBuilder(DossierDocument)
        .insert({
          dossier: dossier.id,
          code: documentCode,
          kind: 'result',
          title: input.document.title,
          fileName: `${documentCode}.pdf`,
          mimeType: 'application/pdf',
          content: pdf,
          sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
          createdAt: new Date(),
        })
        .onConflict('code')
        .ignore()
        .execute('run');
    }
    return { number, documentCode, issuedAt: issuedAt.toISOString(), title: input.document.title };
  };
}
