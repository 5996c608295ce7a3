import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ApologyRecord, CheckRecord, PaymentRecord, ResultRecord } from '../../domain/dossier-records';
import type { ClockPause, TimeLimit } from '../../domain/legal-clock';
import { OUTCOMES } from '../../domain/outcomes';
import { Agency } from './agency';
import { ApiClient } from './api-client';

/**
 * The read model of one dossier, for lists and pages. The workflow owns the truth and writes
 * here through the projectDossier activity; `version` only moves forward, so a late retry can
 * never overwrite a newer state.
 */
export const Dossier = defineEntity({
  name: 'Dossier',
  tableName: 'dossier',
  properties: {
    id: p.integer().primary().autoincrement(),
    code: p.string().length(40).unique(),
    /** Second factor of the public lookup (domain/lookup-secret.ts); the database makes one when none is given. */
    lookupSecret: p.string().length(8).defaultRaw('motcua_lookup_secret()'),
    procedureCode: p.string().length(40),
    procedureVersion: p.integer(),
    procedureName: p.string().length(300),
    agency: () => p.manyToOne(Agency),
    channel: p.enum(['online', 'api', 'counter', 'post'] as const),
    status: p.smallint(),
    stepId: p.string().length(60),
    stepName: p.string().length(200),
    outcome: p.enum([...OUTCOMES]).nullable(),
    form: p.json<Record<string, string>>(),
    /** Values officials entered with their decisions. */
    inputs: p.json<Record<string, string>>().default('{}'),
    applicantName: p.string().length(120),
    applicantCitizenId: p.string().length(12),
    applicantEmail: p.string().length(200).nullable(),
    applicantPhone: p.string().length(20).nullable(),
    submittedAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    /** When the dossier is due now (pauses and a new appointment included): the legal clock's answer. */
    appointmentAt: p.datetime().nullable(),
    /** The procedure's level (province, commune, ministry), for reports. */
    procedureLevel: p.string().length(20).nullable(),
    /** The processing time limit that applies (domain/legal-clock.ts TimeLimit). */
    timeLimit: p.json<TimeLimit>().nullable(),
    /** Times the clock stood still (the dossier waited for the applicant). */
    pauses: p.json<ClockPause[]>().default('[]'),
    /** Set while the clock stands still. */
    pausedSince: p.datetime().nullable(),
    /** The apology and new appointment (form 04), given at most once. */
    apology: p.json<ApologyRecord>().nullable(),
    /** When the dossier was decided (status 9, or its end without a result). */
    decidedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    checks: p.json<CheckRecord[]>().default('[]'),
    payment: p.json<PaymentRecord>().nullable(),
    /** The first result issued (kept for pages and links made before a dossier could have several). */
    result: p.json<ResultRecord>().nullable(),
    /** Every result issued, in order: `<dossier>-KQ1`, `-KQ2`, … */
    results: p.json<ResultRecord[]>().default('[]'),
    supplement: p.json<{ round: number; reason: string; requestedAt: string; answeredAt?: string }>().nullable(),
    /** Projection version written last (0 before the workflow's first write). */
    version: p.integer().default(0),
    /** Workflow history length when the batch written last was made: orders batches across a lost workflow task. */
    projectionEpoch: p.integer().default(0),
    /** The API client that submitted it (null: the public form or a counter); it reads its own dossiers without the lookup secret. */
    submittedBy: () => p.manyToOne(ApiClient).nullable(),
    /** Client-chosen key of the submission; the same key never makes a second dossier. */
    idempotencyKey: p.string().length(200).nullable().unique(),
    /** Hash of the submitted data, to tell a retry from a different submission under the same key. */
    submissionHash: p.string().length(64),
    workflowStartedAt: p.datetime().nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [
    { properties: ['agency', 'status'] },
    { properties: ['agency', 'appointmentAt'] },
    { properties: ['applicantCitizenId'] },
  ],
});

export type IDossier = InferEntity<typeof Dossier>;
