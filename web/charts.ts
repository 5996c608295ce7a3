/**
 * Charts drawn on the server as SVG (vega-lite compiled to vega, rendered headless), so a page
 * shows them without JavaScript and under a CSP that allows no inline script. The markup vega
 * writes uses presentation attributes only (no style attributes, which the CSP would block), and
 * escapes text it is given.
 */
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

/** The page's own fonts (web/public/styles.css), so labels match the text around the chart. */
const FONT = 'Segoe UI, Noto Sans, DejaVu Sans, Roboto, Arial, sans-serif';

const CONFIG = {
  // vega's own descriptions are English; the page labels each chart in Vietnamese instead.
  aria: false,
  font: FONT,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#1f2328', titleColor: '#1f2328', gridColor: '#e3e7eb', domainColor: '#8a939e' },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'horizontal' },
  title: { fontSize: 14, anchor: 'start', color: '#1f2328' },
  // Vietnamese numbers: 12,5% and 1.250.
  locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'] } },
};

export interface ChartSeries {
  label: string;
  color: string;
  /** One value per category, in the categories' order. */
  values: readonly number[];
}

/** Room for each bar, in pixels: long lists grow the chart downwards. */
const BAR_ROOM = 26;

async function render(spec: vegaLite.TopLevelSpec): Promise<string> {
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Horizontal bars, one per category, each split into the series stacked in their order (e.g.
 * early, on time, late). Categories keep their order; a zero draws nothing.
 */
export function stackedBarsSvg(input: { title: string; categories: readonly string[]; series: readonly ChartSeries[]; axisTitle: string }): Promise<string> {
  const values = input.categories.flatMap((category, i) =>
    input.series.map((s, order) => ({ category, series: s.label, order, value: s.values[i] ?? 0 })),
  );
  return render({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: input.title,
    width: 560,
    height: Math.max(1, input.categories.length) * BAR_ROOM,
    data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: [...input.categories], title: null, axis: { labelLimit: 260 } },
      x: { field: 'value', type: 'quantitative', stack: 'zero', title: input.axisTitle, axis: { tickMinStep: 1, format: 'd' } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        sort: input.series.map((s) => s.label),
        scale: { domain: input.series.map((s) => s.label), range: input.series.map((s) => s.color) },
      },
      order: { field: 'order', type: 'quantitative' },
    },
    config: CONFIG,
  } as vegaLite.TopLevelSpec);
}

/** Horizontal bars of a share (0 to 1) per category, labelled in percent; a category without a value draws no bar. */
export function shareBarsSvg(input: { title: string; categories: readonly string[]; values: readonly (number | null)[]; color: string; axisTitle: string }): Promise<string> {
  const values = input.categories.map((category, i) => ({ category, value: input.values[i] })).filter((v) => v.value !== null);
  return render({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: input.title,
    width: 560,
    height: Math.max(1, input.categories.length) * BAR_ROOM,
    data: { values },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: [...input.categories], scale: { domain: [...input.categories] }, title: null, axis: { labelLimit: 260 } },
      x: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: input.axisTitle, axis: { format: '.0%' } },
    },
    layer: [
      { mark: { type: 'bar', color: input.color, tooltip: false } },
      { mark: { type: 'text', align: 'left', dx: 4, color: '#1f2328' }, encoding: { text: { field: 'value', type: 'quantitative', format: '.1%' } } },
    ],
    config: CONFIG,
  } as vegaLite.TopLevelSpec);
}
