/**
 * Draws a procedure's flow: as Mermaid text (for review in docs/procedures/) and as an SVG the
 * back office shows without any script. The layout is layered: each step sits one row below
 * the furthest step that leads to it; edges that go back up (returns, supplements) curve along
 * the side.
 */
import type { ProcedureDefinition, Step } from './definition';
import { stepTargets } from './graph';

interface Edge {
  from: string;
  to: string;
  label: string;
}

const KIND_LABEL: Record<Step['kind'], string> = {
  task: 'Nhiệm vụ',
  check: 'Đối chiếu',
  branch: 'Rẽ nhánh',
  parallel: 'Song song',
  payment: 'Thanh toán',
  supplement: 'Bổ sung',
  issue: 'Cấp kết quả',
  custom: 'Xử lý riêng',
  end: 'Kết thúc',
};

export function flowEdges(def: ProcedureDefinition): Edge[] {
  const edges: Edge[] = [];
  def.steps.forEach((step, i) => {
    const targets = stepTargets(step, i);
    switch (step.kind) {
      case 'task':
        step.actions.forEach((a) => edges.push({ from: step.id, to: a.next, label: a.label }));
        break;
      case 'check':
        edges.push({ from: step.id, to: step.next, label: 'khớp' }, { from: step.id, to: step.onMismatch, label: 'không khớp' });
        break;
      case 'branch':
        step.cases.forEach((c, j) => edges.push({ from: step.id, to: c.next, label: `trường hợp ${j + 1}` }));
        edges.push({ from: step.id, to: step.otherwise, label: 'còn lại' });
        break;
      case 'parallel':
        step.branches.forEach((b) => edges.push({ from: step.id, to: b.start, label: b.name }));
        break;
      case 'payment':
        edges.push({ from: step.id, to: step.next, label: 'đã nộp' }, { from: step.id, to: step.onTimeout, label: 'quá hạn' });
        break;
      default:
        targets.forEach((t) => edges.push({ from: step.id, to: t.target, label: '' }));
    }
  });
  // Several actions may lead to the same step: one edge, labels joined.
  const merged = new Map<string, Edge>();
  for (const e of edges) {
    const key = `${e.from}>${e.to}`;
    const seen = merged.get(key);
    if (seen) seen.label = [seen.label, e.label].filter(Boolean).join(' / ');
    else merged.set(key, { ...e });
  }
  return [...merged.values()];
}

/** Mermaid flowchart text. */
export function toMermaid(def: ProcedureDefinition): string {
  const id = (s: string) => s.replace(/-/g, '_');
  const quote = (t: string) => t.replace(/"/g, "'");
  const shape = (s: Step) => {
    const text = quote(`${s.name}`);
    switch (s.kind) {
      case 'branch':
        return `{"${text}"}`;
      case 'end':
        return `(["${text}"])`;
      case 'check':
        return `[["${text}"]]`;
      case 'parallel':
        return `[/"${text}"/]`;
      default:
        return `["${text}"]`;
    }
  };
  const lines = [`flowchart TD`, `  %% ${def.code} v${def.version}: ${quote(def.name)}`];
  for (const s of def.steps) lines.push(`  ${id(s.id)}${shape(s)}`);
  for (const e of flowEdges(def)) lines.push(`  ${id(e.from)} -->${e.label ? `|"${quote(e.label)}"|` : ''} ${id(e.to)}`);
  return lines.join('\n') + '\n';
}

const BOX_W = 190;
const BOX_H = 58;
const GAP_X = 40;
const GAP_Y = 70;
const MARGIN = 30;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Splits a label into at most two lines of about `width` characters. */
function wrap(text: string, width = 26): string[] {
  if (text.length <= width) return [text];
  const words = text.split(' ');
  let first = '';
  while (words.length && (first + ' ' + words[0]).trim().length <= width) first = `${first} ${words.shift()}`.trim();
  const rest = words.join(' ');
  return [first || rest.slice(0, width), rest.length > width ? `${rest.slice(0, width - 1)}…` : rest].filter(Boolean);
}

/** Row of each step: longest path from the start over forward edges (back edges found by DFS). */
function ranks(def: ProcedureDefinition, edges: Edge[]): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const to of out.get(id) ?? []) {
      if (state.get(to) === 'open') back.add(`${id}>${to}`);
      else if (!state.has(to)) visit(to);
    }
    state.set(id, 'done');
  };
  visit(def.start);
  def.steps.forEach((s) => state.has(s.id) || visit(s.id));
  const rank = new Map<string, number>(def.steps.map((s) => [s.id, 0]));
  // Relax forward edges until stable (the graph without back edges is acyclic).
  for (let i = 0; i < def.steps.length; i++) {
    for (const e of edges) {
      if (back.has(`${e.from}>${e.to}`) || !rank.has(e.to)) continue;
      rank.set(e.to, Math.max(rank.get(e.to)!, rank.get(e.from)! + 1));
    }
  }
  return rank;
}

const FILL: Record<Step['kind'], string> = {
  task: '#eef5fd',
  check: '#f3eefc',
  branch: '#fff4d6',
  parallel: '#fff4d6',
  payment: '#e9f7ee',
  supplement: '#fdf0e6',
  issue: '#e9f7ee',
  custom: '#f3eefc',
  end: '#f0f2f5',
};

/** An SVG drawing of the flow, with step names in Vietnamese and action labels on the arrows. */
export function toSvg(def: ProcedureDefinition): string {
  const edges = flowEdges(def);
  const rank = ranks(def, edges);
  const rows = new Map<number, Step[]>();
  for (const s of def.steps) rows.set(rank.get(s.id)!, [...(rows.get(rank.get(s.id)!) ?? []), s]);
  const widest = Math.max(...[...rows.values()].map((r) => r.length));
  const width = MARGIN * 2 + widest * BOX_W + (widest - 1) * GAP_X + 320;
  const height = MARGIN * 2 + rows.size * BOX_H + (rows.size - 1) * GAP_Y;
  const pos = new Map<string, { x: number; y: number }>();
  for (const [r, steps] of rows) {
    const rowWidth = steps.length * BOX_W + (steps.length - 1) * GAP_X;
    steps.forEach((s, i) => pos.set(s.id, { x: (width - rowWidth) / 2 + i * (BOX_W + GAP_X), y: MARGIN + r * (BOX_H + GAP_Y) }));
  }

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(`Sơ đồ quy trình ${def.name}`)}" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5b6470"/></marker></defs>`,
  );
  let lane = 0;
  for (const e of edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const label = e.label ? escapeXml(e.label.length > 34 ? `${e.label.slice(0, 33)}…` : e.label) : '';
    if (rank.get(e.to)! > rank.get(e.from)!) {
      const x1 = a.x + BOX_W / 2;
      const y1 = a.y + BOX_H;
      const x2 = b.x + BOX_W / 2;
      const y2 = b.y;
      parts.push(`<path d="M${x1},${y1} C${x1},${y1 + GAP_Y / 2} ${x2},${y2 - GAP_Y / 2} ${x2},${y2}" fill="none" stroke="#5b6470" stroke-width="1.4" marker-end="url(#arrow)"/>`);
      if (label) parts.push(`<text x="${(x1 + x2) / 2 + 4}" y="${(y1 + y2) / 2}" font-size="10" fill="#1f2328">${label}</text>`);
    } else {
      // Returns run along the outer side of their boxes, pushed out further for each one.
      const leftSide = a.x + BOX_W / 2 < width / 2;
      const bulge = 50 + (lane++ % 4) * 18;
      const x1 = leftSide ? a.x : a.x + BOX_W;
      const x2 = leftSide ? b.x : b.x + BOX_W;
      const y1 = a.y + BOX_H / 2;
      const y2 = b.y + BOX_H / 2;
      const side = leftSide ? Math.min(x1, x2) - bulge : Math.max(x1, x2) + bulge;
      parts.push(`<path d="M${x1},${y1} C${side},${y1} ${side},${y2} ${x2},${y2}" fill="none" stroke="#b3261e" stroke-width="1.2" stroke-dasharray="5 3" marker-end="url(#arrow)"/>`);
      if (label) parts.push(`<text x="${side + (leftSide ? -4 : 4)}" y="${(y1 + y2) / 2}" font-size="10" fill="#8c1d17" text-anchor="${leftSide ? 'end' : 'start'}">${label}</text>`);
    }
  }
  for (const s of def.steps) {
    const { x, y } = pos.get(s.id)!;
    const radius = s.kind === 'end' ? BOX_H / 2 : s.kind === 'task' ? 8 : 2;
    parts.push(`<g data-step="${escapeXml(s.id)}">`);
    parts.push(`<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="${radius}" fill="${FILL[s.kind]}" stroke="#8a939e"/>`);
    const sub = s.kind === 'task' ? `${KIND_LABEL[s.kind]} · ${{ receiver: 'tiếp nhận', specialist: 'chuyên viên', leader: 'lãnh đạo' }[s.role]}` : KIND_LABEL[s.kind];
    const lines = wrap(s.name);
    lines.forEach((line, i) =>
      parts.push(`<text x="${x + BOX_W / 2}" y="${y + 18 + i * 13}" font-size="11.5" font-weight="600" text-anchor="middle" fill="#1f2328">${escapeXml(line)}</text>`),
    );
    parts.push(`<text x="${x + BOX_W / 2}" y="${y + BOX_H - 6}" font-size="9.5" text-anchor="middle" fill="#5b6470">${escapeXml(sub)}</text>`);
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}
