/**
 * The report page (/bao-cao) and its exports: one table as provincial systems publish it (one row
 * per group, a total row, the columns in bands), drawn as HTML, CSV and XLSX from the same
 * column list, so the three carry the same cells; and charts of it, as SVG made on the server.
 */
import { findProvince, provinceTitle } from '../../domain/provinces';
import { formatVietnameseDate, formatVietnameseDateTime } from '../../domain/vietnam-time';
import { type ChartSeries, shareBarsSvg, stackedBarsSvg } from '../charts';
import { LEVEL_LABELS, REPORT_CHANNEL_LABELS, REPORT_GROUPING_LABELS } from '../labels';
import type { Report, ReportAgency, ReportFigures, ReportGroup, ReportGrouping, ReportScope } from '../services/reports';
import type { FieldErrors } from '../validation';

export interface ReportColumn {
  id: string;
  /** The heading over several columns, when the column is one of a band. */
  band?: string;
  heading: string;
  kind: 'count' | 'rate';
  value: (f: ReportFigures) => number | null;
}

const RECEIVED = 'Tiếp nhận trong kỳ';
const DECIDED = 'Đã giải quyết trong kỳ';
const IN_PROGRESS = 'Đang giải quyết cuối kỳ';

/** The columns, in the order of the published forms (docs/reports.md defines each). */
export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { id: 'carried-over', heading: 'Kỳ trước chuyển sang', kind: 'count', value: (f) => f.carriedOver },
  { id: 'received', band: RECEIVED, heading: 'Tổng số', kind: 'count', value: (f) => f.received },
  { id: 'received-online', band: RECEIVED, heading: REPORT_CHANNEL_LABELS.online, kind: 'count', value: (f) => f.receivedBy.online },
  { id: 'received-counter', band: RECEIVED, heading: REPORT_CHANNEL_LABELS.counter, kind: 'count', value: (f) => f.receivedBy.counter },
  { id: 'received-post', band: RECEIVED, heading: REPORT_CHANNEL_LABELS.post, kind: 'count', value: (f) => f.receivedBy.post },
  { id: 'to-handle', heading: 'Tổng số phải giải quyết', kind: 'count', value: (f) => f.toHandle },
  { id: 'decided', band: DECIDED, heading: 'Tổng số', kind: 'count', value: (f) => f.decided },
  { id: 'decided-early', band: DECIDED, heading: 'Trước hạn', kind: 'count', value: (f) => f.decidedEarly },
  { id: 'decided-on-time', band: DECIDED, heading: 'Đúng hạn', kind: 'count', value: (f) => f.decidedOnTime },
  { id: 'decided-late', band: DECIDED, heading: 'Quá hạn', kind: 'count', value: (f) => f.decidedLate },
  { id: 'not-collected', band: DECIDED, heading: 'Chưa trả kết quả', kind: 'count', value: (f) => f.notCollected },
  { id: 'in-progress', band: IN_PROGRESS, heading: 'Tổng số', kind: 'count', value: (f) => f.inProgress },
  { id: 'in-progress-not-due', band: IN_PROGRESS, heading: 'Chưa đến hạn', kind: 'count', value: (f) => f.inProgressNotDue },
  { id: 'in-progress-paused', band: IN_PROGRESS, heading: 'Trong đó tạm dừng', kind: 'count', value: (f) => f.inProgressPaused },
  { id: 'in-progress-due-soon', band: IN_PROGRESS, heading: 'Sắp đến hạn', kind: 'count', value: (f) => f.inProgressDueSoon },
  { id: 'in-progress-late', band: IN_PROGRESS, heading: 'Quá hạn', kind: 'count', value: (f) => f.inProgressLate },
  { id: 'late-rate', heading: 'Tỷ lệ quá hạn', kind: 'rate', value: (f) => f.lateRate },
  { id: 'on-time-rate', heading: 'Tỷ lệ đúng hạn', kind: 'rate', value: (f) => f.onTimeRate },
];

/** One heading per column for flat files: "Tiếp nhận trong kỳ: Trực tuyến". */
export function flatHeading(column: ReportColumn): string {
  return column.band ? `${column.band}: ${column.heading}` : column.heading;
}

export function groupLabel(groupBy: ReportGrouping, group: ReportGroup): string {
  switch (groupBy) {
    case 'agency':
      return group.name ?? group.key;
    case 'procedure':
      return group.name ? `${group.name} (${group.key})` : group.key;
    case 'level':
      return LEVEL_LABELS[group.key as keyof typeof LEVEL_LABELS] ?? 'Chưa xác định cấp';
    case 'channel':
      return REPORT_CHANNEL_LABELS[group.key as keyof typeof REPORT_CHANNEL_LABELS] ?? group.key;
  }
}

export interface ReportTableRow {
  key: string;
  label: string;
  values: (number | null)[];
}

export interface ReportTable {
  groupHeading: string;
  columns: readonly ReportColumn[];
  rows: ReportTableRow[];
  total: ReportTableRow;
}

export const TOTAL_LABEL = 'Tổng cộng';

export function reportTable(report: Report): ReportTable {
  const values = (f: ReportFigures) => REPORT_COLUMNS.map((c) => c.value(f));
  return {
    groupHeading: REPORT_GROUPING_LABELS[report.groupBy],
    columns: REPORT_COLUMNS,
    rows: report.rows.map((r) => ({ key: r.group.key, label: groupLabel(report.groupBy, r.group), values: values(r.figures) })),
    total: { key: '', label: TOTAL_LABEL, values: values(report.total) },
  };
}

const COUNT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const RATE = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function cellText(column: ReportColumn, value: number | null): string {
  if (value === null) return '—';
  return column.kind === 'rate' ? RATE.format(value) : COUNT.format(value);
}

/** "Tất cả cơ quan của thành phố Hà Nội", or of the country when the agencies span provinces. */
function allAgenciesLabel(agencies: readonly ReportAgency[]): string {
  const provinces = new Set(agencies.map((a) => a.provinceCode));
  const province = provinces.size === 1 ? findProvince([...provinces][0]) : undefined;
  if (!province) return 'Tất cả cơ quan';
  return `Tất cả cơ quan của ${provinceTitle(province).replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố')}`;
}

export function scopeLabel(scope: ReportScope): string {
  return scope.all ? allAgenciesLabel(scope.agencies) : scope.agencies[0].name;
}

export function periodLabel(report: Pick<Report, 'period'>): string {
  return `từ ${formatVietnameseDate(report.period.from)} đến ${formatVietnameseDate(report.period.to)}`;
}

export const REPORT_TITLE = 'Báo cáo tình hình, kết quả giải quyết hồ sơ thủ tục hành chính';

// ——— Charts ———

const COLOURS = { early: '#1a7f37', onTime: '#0b5cad', late: '#b3261e', notDue: '#6e9ed6', paused: '#8a939e', soon: '#d4a72c' };

export interface ReportChart {
  caption: string;
  /** What a screen reader says of the chart; the table holds the same figures. */
  summary: string;
  svg: string;
}

/** Three charts of the table: decided by how they kept the deadline, in progress at the end, the on-time rate. */
export async function reportCharts(report: Report): Promise<ReportChart[]> {
  if (!report.rows.length) return [];
  const categories = report.rows.map((r) => groupLabel(report.groupBy, r.group));
  const series = (label: string, color: string, pick: (f: ReportFigures) => number): ChartSeries => ({ label, color, values: report.rows.map((r) => pick(r.figures)) });
  const [decided, inProgress, onTime] = await Promise.all([
    stackedBarsSvg({
      title: 'Hồ sơ đã giải quyết trong kỳ',
      axisTitle: 'Số hồ sơ',
      categories,
      series: [
        series('Trước hạn', COLOURS.early, (f) => f.decidedEarly),
        series('Đúng hạn', COLOURS.onTime, (f) => f.decidedOnTime),
        series('Quá hạn', COLOURS.late, (f) => f.decidedLate),
      ],
    }),
    stackedBarsSvg({
      title: 'Hồ sơ đang giải quyết cuối kỳ',
      axisTitle: 'Số hồ sơ',
      categories,
      series: [
        series('Chưa đến hạn', COLOURS.notDue, (f) => f.inProgressNotDue - f.inProgressPaused),
        series('Tạm dừng', COLOURS.paused, (f) => f.inProgressPaused),
        series('Sắp đến hạn', COLOURS.soon, (f) => f.inProgressDueSoon),
        series('Quá hạn', COLOURS.late, (f) => f.inProgressLate),
      ],
    }),
    shareBarsSvg({
      title: 'Tỷ lệ giải quyết đúng hạn',
      axisTitle: 'Tỷ lệ đúng hạn',
      categories,
      values: report.rows.map((r) => r.figures.onTimeRate),
      color: COLOURS.early,
    }),
  ]);
  const group = REPORT_GROUPING_LABELS[report.groupBy].toLowerCase();
  return [
    { caption: `Hồ sơ đã giải quyết trong kỳ theo ${group}: trước hạn, đúng hạn, quá hạn.`, summary: 'Biểu đồ cột ngang hồ sơ đã giải quyết; số liệu như trong bảng.', svg: decided },
    { caption: `Hồ sơ đang giải quyết cuối kỳ theo ${group}: chưa đến hạn, tạm dừng, sắp đến hạn, quá hạn.`, summary: 'Biểu đồ cột ngang hồ sơ đang giải quyết; số liệu như trong bảng.', svg: inProgress },
    { caption: `Tỷ lệ giải quyết đúng hạn theo ${group}.`, summary: 'Biểu đồ tỷ lệ đúng hạn; số liệu như trong bảng.', svg: onTime },
  ];
}

// ——— The page ———

export interface ReportFormValues {
  tu: string;
  den: string;
  theo: string;
  'co-quan': string;
}

interface AgencyOption {
  value: string;
  label: string;
}

/** The agencies to choose from, the official's own first; grouped by province when there are several provinces. */
function agencyOptions(agencies: readonly ReportAgency[], allCode: string): { options: AgencyOption[]; groups: { label: string; options: AgencyOption[] }[] } {
  if (agencies.length <= 1) return { options: [], groups: [] };
  const [own, ...others] = agencies;
  const provinces = new Set(agencies.map((a) => a.provinceCode));
  const options = [
    { value: own.code, label: `${own.name} (cơ quan của bạn)` },
    { value: allCode, label: allAgenciesLabel(agencies) },
  ];
  if (provinces.size === 1) return { options: [...options, ...others.map((a) => ({ value: a.code, label: a.name }))], groups: [] };
  const byProvince = new Map<string, AgencyOption[]>();
  for (const a of others) {
    const list = byProvince.get(a.provinceCode) ?? [];
    list.push({ value: a.code, label: a.name });
    byProvince.set(a.provinceCode, list);
  }
  return {
    options,
    groups: [...byProvince].map(([code, list]) => ({ label: findProvince(code) ? provinceTitle(findProvince(code)!) : code, options: list })),
  };
}

export function reportPage(input: {
  agencies: readonly ReportAgency[];
  allCode: string;
  groupings: readonly { value: string; label: string }[];
  values: ReportFormValues;
  errors: FieldErrors;
  report?: Report;
  charts?: ReportChart[];
  /** The query string of the report shown, for its exports. */
  query?: string;
}) {
  const { report } = input;
  const table = report ? reportTable(report) : undefined;
  return {
    title: 'Báo cáo thống kê',
    heading: REPORT_TITLE,
    values: input.values,
    errors: input.errors,
    groupings: input.groupings,
    agencyChoice: agencyOptions(input.agencies, input.allCode),
    report: report &&
      table && {
        scope: scopeLabel(report.scope),
        period: periodLabel(report),
        asOf: formatVietnameseDateTime(report.asOf),
        table: {
          groupHeading: table.groupHeading,
          bands: bandsOf(table.columns),
          subHeadings: table.columns.map((c) => ({ text: c.heading, band: Boolean(c.band) })),
          rows: table.rows.map((r) => ({ label: r.label, cells: r.values.map((v, i) => cellText(table.columns[i], v)) })),
          total: table.total.values.map((v, i) => cellText(table.columns[i], v)),
        },
        empty: report.total.toHandle === 0,
        charts: input.charts ?? [],
        csvHref: `/bao-cao.csv?${input.query ?? ''}`,
        xlsxHref: `/bao-cao.xlsx?${input.query ?? ''}`,
      },
  };
}

/** The first header row: a band over its columns, or a lone column spanning both rows. */
function bandsOf(columns: readonly ReportColumn[]): { text: string; colspan: number; rowspan: number }[] {
  const cells: { text: string; colspan: number; rowspan: number }[] = [];
  for (const c of columns) {
    const last = cells[cells.length - 1];
    if (c.band && last && last.text === c.band && last.rowspan === 1) last.colspan++;
    else cells.push(c.band ? { text: c.band, colspan: 1, rowspan: 1 } : { text: c.heading, colspan: 1, rowspan: 2 });
  }
  return cells;
}
