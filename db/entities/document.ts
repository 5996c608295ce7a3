import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dossier } from './dossier';

/** A document produced for a dossier: the result (`<code>-KQ1`) or a printed slip. */
export const DossierDocument = defineEntity({
  name: 'DossierDocument',
  tableName: 'dossier_document',
  properties: {
    id: p.integer().primary().autoincrement(),
    dossier: () => p.manyToOne(Dossier),
    code: p.string().length(60).unique(),
    kind: p.enum(['result', 'receipt'] as const),
    title: p.string().length(200),
    fileName: p.string().length(120),
    mimeType: p.string().length(80),
    /** Loaded only when downloaded. */
    content: p.blob().lazy(true, false),
    sha256: p.string().length(64),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IDossierDocument = InferEntity<typeof DossierDocument>;
