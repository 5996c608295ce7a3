/** The front page for visitors: the procedures they can submit online. */
import type { ProcedureDefinition } from '../../engine/definition';
import { processingTimeLabel } from '../labels';

export function homePage(procedures: readonly ProcedureDefinition[]) {
  return {
    title: 'Dịch vụ công trực tuyến',
    procedures: procedures.map((p) => ({ name: p.name, href: `/nop-ho-so/${encodeURIComponent(p.code)}`, days: processingTimeLabel(p) })),
  };
}
