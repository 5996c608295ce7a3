/**
 * The JSON intake API (what the national portal or a partner system calls): submit a dossier,
 * read its status, list the procedures. Errors are JSON, field by field, with Vietnamese
 * messages; `Idempotency-Key` makes a retried submission return the same dossier.
 */
import express, { Router } from 'express';
import { normalizeDossierCode } from '../../../domain/dossier-code';
import { portalStatusLabel } from '../../../domain/portal-status';
import type { WebServices } from '../../services';

export function dossierApiRoutes(s: WebServices): Router {
  const router = Router();
  router.use(express.json({ limit: '100kb' }));

  router.get('/procedures', (_req, res) => {
    res.json({
      procedures: s.catalog.published().map((p) => ({
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
    const body = req.body as { procedureCode?: unknown; form?: unknown } | undefined;
    const key = req.get('idempotency-key');
    const problems: Record<string, string> = {};
    if (!body || typeof body !== 'object') problems.body = 'Nội dung phải là một đối tượng JSON';
    else {
      if (typeof body.procedureCode !== 'string' || !body.procedureCode) problems.procedureCode = 'Vui lòng nêu mã thủ tục';
      if (!body.form || typeof body.form !== 'object' || Array.isArray(body.form)) problems.form = 'Vui lòng gửi dữ liệu tờ khai (form)';
    }
    if (key !== undefined && !/^[\x21-\x7e]{8,200}$/.test(key)) problems['Idempotency-Key'] = 'Khóa phải dài từ 8 đến 200 ký tự in được';
    if (Object.keys(problems).length) return res.status(422).json({ error: 'validation_failed', fields: problems });

    const result = await s.intake.submit({
      procedureCode: body!.procedureCode as string,
      form: body!.form as Record<string, unknown>,
      channel: 'api',
      idempotencyKey: key ? `api:${key}` : undefined,
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
            lookupUrl: `${s.endpoints.publicUrl}/tra-cuu?ma=${encodeURIComponent(result.code)}`,
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
    const dossier = await s.readModel.publicDossier(normalizeDossierCode(String(req.params.code)));
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
