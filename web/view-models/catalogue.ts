/**
 * The catalogue pages: every procedure at a glance, and one procedure with its identity, time
 * limit, fees, documents, form, steps (with the instructions officials follow) and versions.
 */
import { timeLimitLabel } from '../../domain/legal-clock';
import { ruleLimit } from '../../engine/time-limits';
import { agencyKind } from '../../domain/agency-kinds';
import { ROLE_LABELS } from '../../domain/roles';
import type { ProcedureDefinition } from '../../engine/definition';
import { processingTimeLabel, LEVEL_LABELS, ONLINE_LEVEL_LABELS, STEP_KIND_LABELS, VERSION_STATUS_LABELS } from '../labels';
import type { ProcedureVersions } from '../services/procedures';
import { describeFee, feeSummary } from './fees';

function agencyOf(p: ProcedureDefinition): string {
  return p.handlingAgency ?? agencyKind(p.agencyKind)?.label ?? p.agencyKind;
}

const procedureHref = (code: string, version?: number) => `/thu-tuc/${encodeURIComponent(code)}${version === undefined ? '' : `?phien-ban=${version}`}`;

export function cataloguePage(procedures: readonly ProcedureDefinition[]) {
  return {
    title: 'Danh mục thủ tục hành chính',
    procedures: procedures.map((p) => ({
      code: p.code,
      name: p.name,
      href: procedureHref(p.code),
      field: p.field,
      level: LEVEL_LABELS[p.level],
      agency: agencyOf(p),
      days: processingTimeLabel(p),
      fees: feeSummary(p.fees),
    })),
  };
}

export function procedurePage(versions: ProcedureVersions, diagram: string) {
  const p = versions.shown.definition;
  return {
    title: p.name,
    name: p.name,
    identity: [`Mã ${p.code}`, ...(p.nationalCode ? [`mã quốc gia ${p.nationalCode}`] : []), `phiên bản ${p.version} (${VERSION_STATUS_LABELS[p.status]})`].join(' · '),
    submitHref: versions.current === p ? `/nop-ho-so/${encodeURIComponent(p.code)}` : undefined,
    field: p.field,
    level: LEVEL_LABELS[p.level],
    agency: agencyOf(p),
    online: ONLINE_LEVEL_LABELS[p.onlineLevel],
    days: processingTimeLabel(p),
    otherDays: (p.processingRules ?? []).map((r) => `${timeLimitLabel(ruleLimit(r))}${r.note ? `: ${r.note}` : ''}`),
    fees: p.fees.map(describeFee),
    legalBasis: p.legalBasis,
    documents: p.documents.map((d) => ({ name: d.name, template: d.template, copies: d.copies > 1 ? `${d.copies} bản` : undefined, note: d.note })),
    formFields: p.form.fields.map((f) => `${f.label}${f.required ? ' *' : ''}`),
    diagram,
    steps: p.steps.map((st) => ({
      name: st.name,
      kind: STEP_KIND_LABELS[st.kind],
      who: st.kind === 'task' ? `${ROLE_LABELS[st.role]}${st.agencyKind ? ` – ${agencyKind(st.agencyKind)?.label ?? st.agencyKind}` : ''}` : '',
      days: st.kind === 'task' && st.workingDays !== undefined ? `${String(st.workingDays).replace('.', ',')} ngày` : '',
      actions: st.kind === 'task' ? st.actions.map((a) => a.label).join(', ') : '',
      instructions: st.kind === 'task' ? st.instructions : undefined,
    })),
    versions: versions.all.map((v) => ({
      href: procedureHref(p.code, v.definition.version),
      label: `Phiên bản ${v.definition.version}`,
      status: VERSION_STATUS_LABELS[v.definition.status],
      current: v.definition === versions.current,
      file: v.file,
    })),
  };
}
