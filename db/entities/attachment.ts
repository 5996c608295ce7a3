import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dossier } from './dossier';

/**
 * A document a dossier's applicant handed in (issue 9): a scan digitised at the counter, or a file
 * uploaded online with a supplement. The bytes live in the file store (db/file-store.ts) under
 * their SHA-256; a row here is one version of one required document. A replacement is a new row
 * pointing at the one it replaces (`replaces`), so every earlier version stays readable.
 */
export const Attachment = defineEntity({
  name: 'Attachment',
  tableName: 'attachment',
  properties: {
    id: p.integer().primary().autoincrement(),
    dossier: () => p.manyToOne(Dossier),
    /** The document of the procedure's list (definition.documents[].id) it stands for. */
    requirementId: p.string().length(60),
    title: p.string().length(300),
    /** 1 for the first upload of this requirement, then 2, 3, … */
    version: p.integer(),
    /** The version this one replaces (null for the first). */
    replaces: p.integer().nullable(),
    /** SHA-256 of the content, hex: the key in the file store. */
    contentHash: p.string().length(64),
    size: p.integer(),
    /** The type detected from the content (never the name or the declared type). */
    mimeType: p.string().length(80),
    /** The name the file had, shown only (sanitised). */
    fileName: p.string().length(200),
    uploadedByKind: p.enum(['official', 'applicant'] as const),
    /** The official's id (null for the applicant). */
    uploadedById: p.string().length(60).nullable(),
    uploadedByName: p.string().length(120),
    uploadedAt: p.datetime(),
  },
  indexes: [{ properties: ['dossier', 'requirementId'] }],
  uniques: [{ properties: ['dossier', 'requirementId', 'version'] }],
});

export type IAttachment = InferEntity<typeof Attachment>;

/**
 * Files received with a counter form that did not go through (a field missing): kept under the
 * form's token so the official does not scan them again; moved to `attachment` once the dossier
 * is registered, and dropped after a day.
 */
export const StagedUpload = defineEntity({
  name: 'StagedUpload',
  tableName: 'staged_upload',
  properties: {
    id: p.integer().primary().autoincrement(),
    token: p.string().length(36).index(),
    /** The official who uploaded it: a token is only good for them. */
    officialId: p.integer(),
    requirementId: p.string().length(60),
    contentHash: p.string().length(64),
    size: p.integer(),
    mimeType: p.string().length(80),
    fileName: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['token', 'requirementId'] }],
});

export type IStagedUpload = InferEntity<typeof StagedUpload>;

/** A fee paid in cash at the counter (issue 9): the receipt number is the one printed on the biên lai. */
export const CounterPayment = defineEntity({
  name: 'CounterPayment',
  tableName: 'counter_payment',
  properties: {
    id: p.integer().primary().autoincrement(),
    dossier: () => p.manyToOne(Dossier),
    /** The payment request it settles (`<code>-TT<round>`). */
    reference: p.string().length(80),
    receiptNumber: p.string().length(40).unique(),
    amount: p.bigint('number'),
    /** The form's request id: the same form sent twice records one payment. */
    requestId: p.string().length(80).unique(),
    receivedById: p.string().length(60),
    receivedByName: p.string().length(120),
    receivedAt: p.datetime(),
    /** What the workflow made of it: applied, or why not. */
    outcome: p.string().length(200),
  },
});

export type ICounterPayment = InferEntity<typeof CounterPayment>;

/** Who registered a walk-in dossier at the counter (channel "counter"), and when. */
export const CounterIntake = defineEntity({
  name: 'CounterIntake',
  tableName: 'counter_intake',
  properties: {
    id: p.integer().primary().autoincrement(),
    dossier: () => p.manyToOne(Dossier).unique(),
    officialId: p.string().length(60),
    officialName: p.string().length(120),
    receivedAt: p.datetime(),
    /** How the paper arrived: in person at the counter, or by post (issue 9). */
    channel: p.enum(['counter', 'post'] as const).default('counter'),
    /** By post: the postal tracking number (mã bưu gửi) and the day the letter arrived. */
    postalTrackingNumber: p.string().length(40).nullable(),
    arrivedOn: p.date().nullable(),
  },
});

export type ICounterIntake = InferEntity<typeof CounterIntake>;
