import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Numbers of issued results (licence numbers, certificate numbers). One per result document
 * (`<dossier>-KQ<n>`), and unique per scheme: a retried issuing activity finds the number it
 * already took.
 */
export const IssuedNumber = defineEntity({
  name: 'IssuedNumber',
  tableName: 'issued_number',
  properties: {
    id: p.integer().primary().autoincrement(),
    scheme: p.string().length(40),
    number: p.string().length(40),
    dossierCode: p.string().length(40),
    /** The result document the number belongs to. */
    documentCode: p.string().length(60),
    issuedAt: p.datetime(),
  },
  uniques: [{ properties: ['scheme', 'number'] }, { properties: ['documentCode'] }],
});

/** Last value handed out per numbering scheme and prefix (e.g. driving licences of province 01). */
export const NumberSequence = defineEntity({
  name: 'NumberSequence',
  tableName: 'number_sequence',
  properties: {
    scheme: p.string().length(40).primary(),
    prefix: p.string().length(20).primary(),
    lastValue: p.bigint('number'),
  },
});

/** Daily sequence of dossier codes per receiving unit (the XXXX of `…-YYMMDD-XXXX`). */
export const DossierCodeCounter = defineEntity({
  name: 'DossierCodeCounter',
  tableName: 'dossier_code_counter',
  properties: {
    unitCode: p.string().length(20).primary(),
    day: p.string().length(6).primary(),
    lastValue: p.integer(),
  },
});

export type IIssuedNumber = InferEntity<typeof IssuedNumber>;
