/**
 * Draws a procedure's flow: as Mermaid text (for review in docs/procedures/) and as an SVG the
 * back office shows without any script. The SVG is laid out by ELK (elkjs, the Eclipse Layout
 * Kernel): layered from top to bottom, edges routed orthogonally around the boxes, and action
 * labels placed by the layout itself, so that no label overlaps another or a box.
 *
 * Reading aids: a return to an earlier step (supplement, "return to intake") is dashed red; the
 * branches of a parallel step meet at a dark bar, where the dossier waits for every branch; step
 * names and labels wrap onto more lines instead of being cut.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Condition, ProcedureDefinition, Step } from './definition';
import { fieldOptions } from './form';
import { branchSteps, stepTargets } from './graph';

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

const ROLE_LABEL = { receiver: 'tiếp nhận', specialist: 'chuyên viên', leader: 'lãnh đạo' } as const;

const JOIN_CAPTION = 'Chờ đủ các nhánh';

/** The id of the join bar drawn after the branches of a parallel step. */
const joinId = (parallel: string) => `${parallel}~join`;

/** Every transition of the flow, with the label an official or the engine gives it. */
function flowEdges(def: ProcedureDefinition): Edge[] {
  const edges: Edge[] = [];
  def.steps.forEach((step, i) => {
    switch (step.kind) {
      case 'task':
        step.actions.forEach((a) => edges.push({ from: step.id, to: a.next, label: a.label }));
        break;
      case 'check':
        edges.push({ from: step.id, to: step.next, label: 'khớp' }, { from: step.id, to: step.onMismatch, label: 'không khớp' });
        break;
      case 'branch':
        step.cases.forEach((c, j) => edges.push({ from: step.id, to: c.next, label: caseLabel(def, c.when) ?? `trường hợp ${j + 1}` }));
        edges.push({ from: step.id, to: step.otherwise, label: 'còn lại' });
        break;
      case 'parallel':
        step.branches.forEach((b) => edges.push({ from: step.id, to: b.start, label: b.name }));
        break;
      case 'payment':
        edges.push({ from: step.id, to: step.next, label: 'đã nộp' }, { from: step.id, to: step.onTimeout, label: 'quá hạn' });
        break;
      default:
        stepTargets(step, i).forEach((t) => edges.push({ from: step.id, to: t.target, label: '' }));
    }
  });
  return merged(edges);
}

const OUTCOME_LABEL = { match: 'khớp', mismatch: 'không khớp', error: 'không tra cứu được' } as const;

/** A branch case in words ("Hình thức nhận kết quả: Qua dịch vụ bưu chính"), or nothing when too long to read on an arrow. */
function caseLabel(def: ProcedureDefinition, condition: Condition): string | undefined {
  const checks = def.steps.flatMap((s) => (s.kind === 'check' ? s.checks : []));
  const words = (c: Condition): string => {
    if ('all' in c) return c.all.map(words).join(' và ');
    if ('any' in c) return c.any.map(words).join(' hoặc ');
    if ('not' in c) return `không phải (${words(c.not)})`;
    if ('check' in c) return `${checks.find((k) => k.id === c.check)?.label ?? c.check}: ${OUTCOME_LABEL[c.outcome]}`;
    const field = def.form.fields.find((f) => f.name === c.field);
    const name = field?.label ?? c.field;
    const value = (v: string) => (field ? fieldOptions(field).find((o) => o.value === v)?.label : undefined) ?? v;
    const tests = [
      c.in && `${c.in.map(value).join(' hoặc ')}`,
      c.notIn && `không phải ${c.notIn.map(value).join(', ')}`,
      c.min !== undefined && `từ ${c.min}`,
      c.max !== undefined && `đến ${c.max}`,
    ].filter(Boolean);
    return `${name}: ${tests.join(', ')}`;
  };
  const text = words(condition);
  return text.length <= 80 ? text : undefined;
}

/** Several actions may lead to the same step: one edge, labels joined. */
function merged(edges: Edge[]): Edge[] {
  const byPair = new Map<string, Edge>();
  for (const e of edges) {
    const key = `${e.from}>${e.to}`;
    const seen = byPair.get(key);
    if (seen) seen.label = [seen.label, e.label].filter(Boolean).join(' / ');
    else byPair.set(key, { ...e });
  }
  return [...byPair.values()];
}

/**
 * The drawn flow: the transitions, with those that arrive at the join of a parallel step
 * leading to its join bar instead, and the bar leading on to the join step.
 */
function drawnEdges(def: ProcedureDefinition): { edges: Edge[]; joins: Map<string, string> } {
  const joins = new Map<string, string>();
  const arrivals = new Map<string, string>();
  for (const step of def.steps) {
    if (step.kind !== 'parallel') continue;
    joins.set(joinId(step.id), step.next);
    for (const b of step.branches) for (const id of branchSteps(def, b.start, step.next)) arrivals.set(`${id}>${step.next}`, joinId(step.id));
  }
  const edges = flowEdges(def).map((e) => ({ ...e, to: arrivals.get(`${e.from}>${e.to}`) ?? e.to }));
  for (const [bar, next] of joins) edges.push({ from: bar, to: next, label: '' });
  return { edges: merged(edges), joins };
}

/**
 * Transitions that go back against the flow (a return to intake, a supplement loop): those that
 * lead to a step listed earlier in the definition (or to themselves) and close a cycle. Every
 * cycle has one, so the others form the forward flow the layout stacks from top to bottom. A
 * join bar counts as listed just before its join step.
 */
function returnEdges(def: ProcedureDefinition, edges: readonly Edge[], joins: ReadonlyMap<string, string>): Set<Edge> {
  const order = new Map(def.steps.map((s, i) => [s.id, i]));
  for (const [bar, next] of joins) order.set(bar, (order.get(next) ?? def.steps.length) - 0.5);
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const leadsTo = (from: string, to: string) => {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length) {
      for (const next of out.get(queue.shift()!) ?? []) {
        if (next === to) return true;
        if (!seen.has(next)) queue.push(next), seen.add(next);
      }
    }
    return false;
  };
  return new Set(edges.filter((e) => (order.get(e.to) ?? 0) <= (order.get(e.from) ?? 0) && (e.from === e.to || leadsTo(e.to, e.from))));
}

/** Splits a text at spaces into lines of at most `width` characters; a longer word keeps a line of its own. */
function greedy(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Wraps a text onto as few lines as `width` allows, of even length (no lone last word). */
function wrap(text: string, width: number): string[] {
  const fewest = greedy(text, width).length;
  for (let w = Math.ceil(text.length / fewest); w < width; w++) {
    const lines = greedy(text, w);
    if (lines.length === fewest) return lines;
  }
  return greedy(text, width);
}

/** Mermaid flowchart text: returns dotted, a join node after each parallel step. */
export function toMermaid(def: ProcedureDefinition): string {
  const id = (s: string) => s.replace(/[-~]/g, '_');
  const quote = (t: string) => t.replace(/"/g, "'");
  const shape = (s: Step) => {
    const text = quote(s.name);
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
  const { edges, joins } = drawnEdges(def);
  const back = returnEdges(def, edges, joins);
  const lines = [`flowchart TD`, `  %% ${def.code} v${def.version}: ${quote(def.name)}`];
  for (const s of def.steps) lines.push(`  ${id(s.id)}${shape(s)}`);
  for (const bar of joins.keys()) lines.push(`  ${id(bar)}{{"${JOIN_CAPTION}"}}`);
  for (const e of edges) {
    const arrow = back.has(e) ? '-.->' : '-->';
    lines.push(`  ${id(e.from)} ${arrow}${e.label ? `|"${quote(e.label)}"|` : ''} ${id(e.to)}`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// SVG

const FONT = 'DejaVu Sans, Noto Sans, Arial, sans-serif';
/** Widths of the font above, as a share of its size; generous, so that text stays in its box. */
const CHAR_WIDTH = { bold: 0.66, regular: 0.6 };
const NAME = { size: 11.5, line: 14, wrap: 24 };
/** The kind of step, on the last line of its box. */
const SUB = { size: 9.5, room: 22 };
const LABEL = { size: 10, line: 12.5, wrap: 22 };
const PAD = 10;
const BAR = { width: 150, height: 8 };
const MARGIN = 20;

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

const INK = { text: '#1f2328', muted: '#5b6470', line: '#5b6470', border: '#8a939e', back: '#b3261e', backText: '#8c1d17', bar: '#1f2328' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const textWidth = (text: string, size: number, weight: keyof typeof CHAR_WIDTH) => Math.ceil([...text].length * size * CHAR_WIDTH[weight]);

function subtitle(s: Step): string {
  if (s.kind !== 'task') return KIND_LABEL[s.kind];
  return `${KIND_LABEL.task} · ${ROLE_LABEL[s.role]}${s.agencyKind ? ' · liên thông' : ''}`;
}

interface Box {
  step: Step;
  lines: string[];
  width: number;
  height: number;
}

function boxOf(step: Step): Box {
  const lines = wrap(step.name, NAME.wrap);
  const width = Math.max(150, ...lines.map((l) => textWidth(l, NAME.size, 'bold')), textWidth(subtitle(step), SUB.size, 'regular')) + 2 * PAD;
  const height = PAD + lines.length * NAME.line + SUB.room + (step.kind === 'parallel' ? 6 : 0);
  return { step, lines, width: step.kind === 'branch' ? width + 24 : width, height };
}

const elk = new ELK();

const LAYOUT = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.spacing.nodeNode': '36',
  'elk.layered.spacing.nodeNodeBetweenLayers': '42',
  'elk.spacing.edgeNode': '18',
  'elk.spacing.edgeEdge': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '18',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.labelNode': '6',
  'elk.edgeLabels.inline': 'false',
  'elk.layered.mergeEdges': 'false',
};

/** An SVG drawing of the flow, with step names in Vietnamese and action labels on the arrows. */
export async function toSvg(def: ProcedureDefinition): Promise<string> {
  const { edges, joins } = drawnEdges(def);
  const back = returnEdges(def, edges, joins);
  const boxes = new Map(def.steps.map((s) => [s.id, boxOf(s)]));
  const labelLines = new Map(edges.map((e) => [e, e.label ? wrap(e.label, LABEL.wrap) : []]));

  // A return is laid out as the forward edge it reverses, so that the layers follow the flow;
  // it is drawn with its arrow at the other end.
  const elkEdges: ElkExtendedEdge[] = edges.map((e, i) => {
    const lines = labelLines.get(e)!;
    const [source, target] = back.has(e) ? [e.to, e.from] : [e.from, e.to];
    return {
      id: `e${i}`,
      sources: [source],
      targets: [target],
      labels: lines.length
        ? [
            {
              text: e.label,
              width: Math.max(...lines.map((l) => textWidth(l, LABEL.size, 'regular'))) + 6,
              height: lines.length * LABEL.line + 4,
              layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' },
            },
          ]
        : [],
    };
  });
  const graph: ElkNode = {
    id: 'flow',
    layoutOptions: LAYOUT,
    children: [
      ...[...boxes.values()].map((b) => ({ id: b.step.id, width: b.width, height: b.height })),
      ...[...joins.keys()].map((bar) => ({
        id: bar,
        width: BAR.width,
        height: BAR.height,
        labels: [{ text: JOIN_CAPTION, width: textWidth(JOIN_CAPTION, LABEL.size, 'regular'), height: LABEL.line }],
        layoutOptions: { 'elk.nodeLabels.placement': 'OUTSIDE H_RIGHT V_CENTER' },
      })),
    ],
    edges: elkEdges,
  };
  const laid = await elk.layout(graph);
  const width = Math.ceil((laid.width ?? 0) + 2 * MARGIN);
  const legendY = Math.ceil((laid.height ?? 0) + MARGIN + 12);
  const height = legendY + 22;
  const at = (x: number | undefined, y: number | undefined) => ({ x: (x ?? 0) + MARGIN, y: (y ?? 0) + MARGIN });

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(`Sơ đồ quy trình ${def.name}`)}" font-family="${FONT}">`,
    `<defs>${marker('arrow', INK.line)}${marker('arrow-back', INK.back)}</defs>`,
  ];

  laid.edges?.forEach((laidEdge, i) => {
    const e = edges[i];
    const isBack = back.has(e);
    const points = (laidEdge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]).map((p) => at(p.x, p.y));
    if (isBack) points.reverse();
    if (points.length < 2) return;
    const colour = isBack ? INK.back : INK.line;
    parts.push(
      `<path d="${roundedPath(points)}" fill="none" stroke="${colour}" stroke-width="${isBack ? 1.3 : 1.4}"${isBack ? ' stroke-dasharray="6 3"' : ''} marker-end="url(#${isBack ? 'arrow-back' : 'arrow'})"/>`,
    );
    for (const label of laidEdge.labels ?? []) {
      const { x, y } = at(label.x, label.y);
      const lines = labelLines.get(e)!;
      parts.push(`<rect x="${x}" y="${y}" width="${label.width}" height="${label.height}" rx="3" fill="#ffffff" fill-opacity="0.9"/>`);
      lines.forEach((line, k) =>
        parts.push(
          `<text x="${x + 3}" y="${y + 2 + (k + 1) * LABEL.line - 3}" font-size="${LABEL.size}" fill="${isBack ? INK.backText : INK.text}">${escapeXml(line)}</text>`,
        ),
      );
    }
  });

  for (const node of laid.children ?? []) {
    const { x, y } = at(node.x, node.y);
    const w = node.width ?? 0;
    const h = node.height ?? 0;
    if (joins.has(node.id)) {
      parts.push(`<g data-join="${escapeXml(node.id)}">`, `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="${INK.bar}"/>`);
      for (const label of node.labels ?? []) {
        const l = at((node.x ?? 0) + (label.x ?? 0), (node.y ?? 0) + (label.y ?? 0));
        parts.push(`<text x="${l.x}" y="${l.y + LABEL.line - 3}" font-size="${LABEL.size}" font-style="italic" fill="${INK.muted}">${escapeXml(JOIN_CAPTION)}</text>`);
      }
      parts.push('</g>');
      continue;
    }
    const box = boxes.get(node.id)!;
    parts.push(`<g data-step="${escapeXml(node.id)}">`, shape(box.step.kind, x, y, w, h));
    box.lines.forEach((line, k) =>
      parts.push(
        `<text x="${x + w / 2}" y="${y + PAD + (k + 1) * NAME.line - 3}" font-size="${NAME.size}" font-weight="600" text-anchor="middle" fill="${INK.text}">${escapeXml(line)}</text>`,
      ),
    );
    const subY = y + h - 8 - (box.step.kind === 'parallel' ? 6 : 0);
    parts.push(`<text x="${x + w / 2}" y="${subY}" font-size="${SUB.size}" text-anchor="middle" fill="${INK.muted}">${escapeXml(subtitle(box.step))}</text>`, '</g>');
  }

  // Legend.
  parts.push(
    `<g font-size="${LABEL.size}" fill="${INK.muted}">`,
    `<line x1="${MARGIN}" y1="${legendY}" x2="${MARGIN + 28}" y2="${legendY}" stroke="${INK.line}" stroke-width="1.4" marker-end="url(#arrow)"/>`,
    `<text x="${MARGIN + 34}" y="${legendY + 3.5}">chuyển bước</text>`,
    `<line x1="${MARGIN + 110}" y1="${legendY}" x2="${MARGIN + 138}" y2="${legendY}" stroke="${INK.back}" stroke-width="1.3" stroke-dasharray="6 3" marker-end="url(#arrow-back)"/>`,
    `<text x="${MARGIN + 144}" y="${legendY + 3.5}">trả lại bước trước</text>`,
    '</g>',
    '</svg>',
  );
  return parts.join('\n');
}

function marker(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
}

/** An orthogonal route with its corners slightly rounded. */
function roundedPath(points: { x: number; y: number }[], radius = 5): string {
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const toward = (p: { x: number; y: number }, q: { x: number; y: number }) => {
      const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      return { x: p.x + ((q.x - p.x) / length) * r, y: p.y + ((q.y - p.y) / length) * r };
    };
    const before = toward(b, a);
    const after = toward(b, c);
    d += ` L${before.x},${before.y} Q${b.x},${b.y} ${after.x},${after.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L${last.x},${last.y}`;
}

function shape(kind: Step['kind'], x: number, y: number, w: number, h: number): string {
  const fill = FILL[kind];
  const stroke = `stroke="${INK.border}"`;
  switch (kind) {
    case 'branch': {
      const cut = 12;
      const points = [
        [x + cut, y],
        [x + w - cut, y],
        [x + w, y + h / 2],
        [x + w - cut, y + h],
        [x + cut, y + h],
        [x, y + h / 2],
      ];
      return `<polygon points="${points.map((p) => p.join(',')).join(' ')}" fill="${fill}" ${stroke}/>`;
    }
    case 'end':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h / 2}" fill="${fill}" ${stroke}/>`;
    case 'check':
    case 'custom':
      return (
        `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="2" fill="${fill}" ${stroke}/>` +
        `<line x1="${x + 6}" y1="${y}" x2="${x + 6}" y2="${y + h}" ${stroke}/><line x1="${x + w - 6}" y1="${y}" x2="${x + w - 6}" y2="${y + h}" ${stroke}/>`
      );
    case 'parallel':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="2" fill="${fill}" ${stroke}/><rect x="${x}" y="${y + h - 6}" width="${w}" height="6" fill="${INK.bar}"/>`;
    case 'task':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${fill}" ${stroke}/>`;
    default:
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="2" fill="${fill}" ${stroke}/>`;
  }
}

const drawn = new Map<string, Promise<string>>();

/**
 * The SVG of a definition, laid out once per code and version (a published version never
 * changes): what the catalogue page shows.
 */
export function diagramSvg(def: ProcedureDefinition): Promise<string> {
  const key = `${def.code}\nv${def.version}`;
  let svg = drawn.get(key);
  if (!svg) {
    svg = toSvg(def);
    drawn.set(key, svg);
    svg.catch(() => drawn.delete(key));
  }
  return svg;
}
