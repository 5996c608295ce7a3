/**
 * The catalogue of procedures, for citizens and officials alike: each procedure's identity,
 * time limit, fees, documents, form, steps, versions and its flow drawn as a diagram.
 */
import { Router } from 'express';
import { agencyKind } from '../../../domain/agency-kinds';
import { toSvg } from '../../../engine/diagram';
import { ROLE_LABELS } from '../../../domain/roles';
import type { WebServices } from '../../services';
import { describeFee, feeSummary } from '../../view-models/fees';

const LEVELS = { ministry: 'Cấp bộ', province: 'Cấp tỉnh', commune: 'Cấp xã' };
const ONLINE = { full: 'Toàn trình', partial: 'Một phần' };
const STEP_KIND: Record<string, string> = {
  task: 'Nhiệm vụ',
  check: 'Đối chiếu cơ sở dữ liệu',
  branch: 'Rẽ nhánh',
  parallel: 'Xử lý song song (liên thông)',
  payment: 'Nộp phí, lệ phí',
  supplement: 'Chờ bổ sung',
  issue: 'Cấp kết quả',
  custom: 'Xử lý riêng (quy trình lập trình)',
  end: 'Kết thúc',
};

export function catalogueRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/thu-tuc', (_req, res) => {
    res.render('catalogue', {
      title: 'Danh mục thủ tục hành chính',
      procedures: s.catalog.published().map((p) => ({
        code: p.code,
        name: p.name,
        field: p.field,
        level: LEVELS[p.level],
        processingDays: p.processingDays,
        fees: feeSummary(p.fees),
        agency: p.handlingAgency ?? agencyKind(p.agencyKind)?.label ?? p.agencyKind,
        version: p.version,
      })),
    });
  });

  router.get('/thu-tuc/:code', (req, res) => {
    const code = String(req.params.code);
    const versions = s.catalog.versionsOf(code);
    const asked = Number(req.query['phien-ban']);
    const entry = (asked && versions.find((v) => v.definition.version === asked)) || versions.find((v) => v.definition === s.catalog.current(code)) || versions.at(-1);
    if (!entry) return res.status(404).render('error', { title: 'Không tìm thấy thủ tục', message: `Không có thủ tục "${code}".` });
    const p = entry.definition;
    res.render('procedure', {
      title: p.name,
      p,
      file: entry.file,
      level: LEVELS[p.level],
      online: ONLINE[p.onlineLevel],
      agency: p.handlingAgency ?? agencyKind(p.agencyKind)?.label ?? p.agencyKind,
      fees: p.fees.map(describeFee),
      steps: p.steps.map((st) => ({
        id: st.id,
        name: st.name,
        kind: STEP_KIND[st.kind],
        who: st.kind === 'task' ? `${ROLE_LABELS[st.role]}${st.agencyKind ? ` – ${agencyKind(st.agencyKind)?.label ?? st.agencyKind}` : ''}` : '',
        days: st.kind === 'task' ? st.workingDays : undefined,
        actions: st.kind === 'task' ? st.actions.map((a) => a.label) : [],
      })),
      versions: versions.map((v) => ({ version: v.definition.version, status: v.definition.status, file: v.file, current: v.definition === s.catalog.current(code) })),
      diagram: toSvg(p),
      canSubmit: s.catalog.current(code) === p,
    });
  });

  return router;
}
