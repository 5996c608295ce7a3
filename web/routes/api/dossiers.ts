/**
 * The JSON intake API (what the national portal or a partner system calls): submit a dossier,
 * read its status, list the procedures. Errors are JSON, field by field, with Vietnamese
 * messages; `Idempotency-Key` makes a retried submission return the same dossier.
 */
import express, { Router } from 'express';
import { normalizeDossierCode } from '../../../domain/dossier-code';
import { portalStatusLabel } from '../../../domain/portal-status';
import type { WebServices } from '../../services';
import { parse } from '../../validation';
import { dossierCodeParams, idempotencyKeyHeader, submitDossierRequest } from './dossiers.schema';

/** Errors of the form's own fields are named by the field, as the form's validation names them. */
function formFieldNames(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([key, message]) => [key.startsWith('form.') ? key.slice('form.'.length) : key, message]));
}

export function dossierApiRoutes(s: WebServices): Router {
  const router = Router();
  router.use(express.json({ limit: '100kb' }));

  router.get('/procedures', (_req, res) => {
    res.json({
      procedures: s.procedures.published().map((p) => ({
        code: p.code,
        version: p.version,
        name: p.name,
        processingDays: p.processingDays,
        fees: p.fees,
        fields: p.form.fields.map((f) => ({ name: f.name, label: f.label, type: f.type, required: f.required, requiredWhen: f.requiredWhen })),
      })),
    });
  });

  router.post('/dossiers', async (req, res) => {
    const body = parse(submitDossierRequest, req.body, 'body');
    const key = parse(idempotencyKeyHeader, req.get('idempotency-key'), 'Idempotency-Key');
    if (!body.ok || !key.ok) {
      const fields = { ...(body.ok ? {} : formFieldNames(body.errors)), ...(key.ok ? {} : key.errors) };
      return res.status(422).json({ error: 'validation_failed', fields });
    }
    const result = await s.intake.submit({
      procedureCode: body.value.procedureCode,
      form: body.value.form,
      channel: 'api',
      idempotencyKey: key.value ? `api:${key.value}` : undefined,
    });
    switch (result.kind) {
      case 'created':
      case 'existing':
        return res
          .status(result.kind === 'created' ? 201 : 200)
          .location(`/api/v1/dossiers/${encodeURIComponent(result.code)}`)
          .json({
            code: result.code,
            status: 1,
            statusLabel: portalStatusLabel(1),
            lookupUrl: `${s.publicUrl}/tra-cuu?ma=${encodeURIComponent(result.code)}`,
          });
      case 'invalid':
        return res.status(422).json({ error: 'validation_failed', fields: result.errors });
      case 'unknown-procedure':
        return res.status(422).json({ error: 'unknown_procedure', fields: { procedureCode: result.message } });
      case 'key-reused':
        return res.status(409).json({ error: 'idempotency_key_reused', message: result.message });
    }
  });

  router.get('/dossiers/:code', async (req, res) => {
    const params = parse(dossierCodeParams, req.params, 'code');
    if (!params.ok) return res.status(400).json({ error: 'validation_failed', fields: params.errors });
    const dossier = await s.readModel.publicDossier(normalizeDossierCode(params.value.code));
    if (!dossier) return res.status(404).json({ error: 'not_found', message: 'Không tìm thấy hồ sơ' });
    res.json({
      code: dossier.code,
      procedure: { code: dossier.procedureCode, version: dossier.procedureVersion, name: dossier.procedureName },
      agency: { code: dossier.agency.code, name: dossier.agency.name },
      status: dossier.status,
      statusLabel: portalStatusLabel(dossier.status),
      step: dossier.stepName,
      outcome: dossier.outcome,
      submittedAt: dossier.submittedAt,
      acceptedAt: dossier.acceptedAt,
      appointmentAt: dossier.appointmentAt,
      completedAt: dossier.completedAt,
      payment: dossier.payment ? { amount: dossier.payment.amount, status: dossier.payment.status, payUrl: dossier.payment.status === 'pending' ? dossier.payment.payUrl : undefined } : undefined,
    });
  });

  return router;
}
