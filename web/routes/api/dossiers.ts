/**
 * The JSON intake API (what the national portal or a partner system calls): submit a dossier,
 * read its status, list the procedures. Submitting takes an API client's credentials
 * (middleware/api-auth.ts) and stays inside its scope; a client reads the dossiers it submitted
 * without their lookup secret, anyone else (the applicant) with it. Errors are JSON, field by
 * field, with Vietnamese messages; `Idempotency-Key` makes a retried submission return the same
 * dossier, within the client's own keys. The shapes are in dossiers.schema.ts, and the OpenAPI
 * document (openapi.ts) is generated from them.
 */
import express, { Router } from 'express';
import { lookupPath } from '../../../domain/applicant-links';
import { normalizeDossierCode } from '../../../domain/dossier-code';
import { inScope } from '../../../domain/api-credentials';
import { portalStatusLabel } from '../../../domain/portal-status';
import { apiClientOf, setUpApiAuth } from '../../middleware/api-auth';
import { jsonBodiesOnly } from '../../middleware/form-body';
import type { WebServices } from '../../services';
import { parse } from '../../validation';
import type { z } from 'zod';
import {
  dossierCodeParams,
  dossierStatusResponse,
  idempotencyKeyHeader,
  lookupSecretInput,
  procedureListResponse,
  submitDossierRequest,
  submitDossierResponse,
} from './dossiers.schema';

/** Errors of the form's own fields are named by the field, as the form's validation names them. */
function formFieldNames(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([key, message]) => [key.startsWith('form.') ? key.slice('form.'.length) : key, message]));
}

/** An answer checked, field by field, against the schema the OpenAPI document shows for it. */
const shaped = <S extends z.ZodType>(_schema: S, body: z.input<S>) => body;

export function dossierApiRoutes(s: WebServices): Router {
  const router = Router();
  // Credentials are optional on reads (an applicant has none) but, when sent, must be right.
  router.use(setUpApiAuth(s.apiClients, { required: false }));
  const jsonBody = [jsonBodiesOnly(), express.json({ limit: '100kb' })];
  const iso = (date: Date | null | undefined) => (date ? date.toISOString() : date);

  router.get('/procedures', (_req, res) => {
    res.json(shaped(procedureListResponse, {
      procedures: s.procedures.published().map((p) => ({
        code: p.code,
        version: p.version,
        name: p.name,
        processingDays: p.processingDays,
        fees: p.fees,
        fields: p.form.fields.map((f) => ({ name: f.name, label: f.label, type: f.type, required: f.required, requiredWhen: f.requiredWhen })),
      })),
    }));
  });

  // Only an API client submits; its body is read after its credentials, counted against its own budget.
  router.post('/dossiers', setUpApiAuth(s.apiClients, { required: true }), s.rateLimits.apiSubmit, ...jsonBody, async (req, res) => {
    const client = apiClientOf(res)!;
    const body = parse(submitDossierRequest, req.body, 'body');
    const key = parse(idempotencyKeyHeader, req.get('idempotency-key'), 'Idempotency-Key');
    if (!body.ok || !key.ok) {
      const fields = { ...(body.ok ? {} : formFieldNames(body.errors)), ...(key.ok ? {} : key.errors) };
      return res.status(422).json({ error: 'validation_failed', fields });
    }
    if (!inScope(client.procedures, body.value.procedureCode)) {
      return res.status(403).json({
        error: 'out_of_scope',
        message: `Hệ thống gọi API không được phép nộp hồ sơ thủ tục "${body.value.procedureCode}".`,
        fields: { procedureCode: 'Thủ tục nằm ngoài phạm vi được cấp cho hệ thống này' },
      });
    }
    const result = await s.intake.submit({
      procedureCode: body.value.procedureCode,
      form: body.value.form,
      channel: 'api',
      // Each client's keys are its own: another client's same key is another submission.
      idempotencyKey: key.value ? `api:${client.clientId}:${key.value}` : undefined,
      apiClient: { id: client.id, agencies: client.agencies },
    });
    switch (result.kind) {
      case 'created':
      case 'existing':
        return res
          .status(result.kind === 'created' ? 201 : 200)
          .location(`/api/v1/dossiers/${encodeURIComponent(result.code)}`)
          .json(shaped(submitDossierResponse, {
            code: result.code,
            /** For the applicant only: reading the dossier back (page or GET below) needs it. */
            lookupSecret: result.lookupSecret,
            status: 1,
            statusLabel: portalStatusLabel(1),
            lookupUrl: `${s.publicUrl}${lookupPath(result.code, result.lookupSecret)}`,
          }));
      case 'invalid':
        return res.status(422).json({ error: 'validation_failed', fields: result.errors });
      case 'unknown-procedure':
        return res.status(422).json({ error: 'unknown_procedure', fields: { procedureCode: result.message } });
      case 'key-reused':
        return res.status(409).json({ error: 'idempotency_key_reused', message: result.message });
      case 'out-of-scope':
        return res.status(403).json({ error: 'out_of_scope', message: result.message, agency: result.agencyCode });
    }
  });

  /**
   * A dossier's status: for the API client that submitted it (its credentials are the proof), or
   * for whoever holds its code and lookup secret (`?secret=` or the `X-Lookup-Secret` header).
   * Another client's dossier is answered as an unknown one.
   */
  router.get('/dossiers/:code', s.rateLimits.apiLookup, async (req, res) => {
    const params = parse(dossierCodeParams, req.params, 'code');
    const secret = parse(lookupSecretInput, req.get('x-lookup-secret') ?? req.query.secret, 'secret');
    if (!params.ok || !secret.ok) {
      return res.status(400).json({ error: 'validation_failed', fields: { ...(params.ok ? {} : params.errors), ...(secret.ok ? {} : secret.errors) } });
    }
    const dossier = await s.readModel.lookedUpBy(normalizeDossierCode(params.value.code), secret.value, apiClientOf(res)?.id);
    // The same answer for an unknown code, a wrong secret and no secret at all.
    if (!dossier) return res.status(404).json({ error: 'not_found', message: 'Không tìm thấy hồ sơ với mã hồ sơ và mã bảo mật đã gửi' });
    res.json(shaped(dossierStatusResponse, {
      code: dossier.code,
      procedure: { code: dossier.procedureCode, version: dossier.procedureVersion, name: dossier.procedureName },
      agency: { code: dossier.agency.code, name: dossier.agency.name },
      status: dossier.status,
      statusLabel: portalStatusLabel(dossier.status),
      step: dossier.stepName,
      outcome: dossier.outcome,
      submittedAt: dossier.submittedAt.toISOString(),
      acceptedAt: iso(dossier.acceptedAt),
      appointmentAt: iso(dossier.appointmentAt),
      completedAt: iso(dossier.completedAt),
      payment: dossier.payment ? { amount: dossier.payment.amount, status: dossier.payment.status, payUrl: dossier.payment.status === 'pending' ? dossier.payment.payUrl : undefined } : undefined,
    }));
  });

  return router;
}
