/**
 * The report as files: CSV (UTF-8 with a byte-order mark, so Excel reads the diacritics) and XLSX
 * (exceljs). Both hold the page's table cell for cell: the same columns (view-models/reports.ts),
 * the same rows, the total row last. Counts are numbers; rates are percentages in the CSV (12.5)
 * and fractions formatted as percentages in the XLSX.
 */
import ExcelJS from 'exceljs';
import { formatVietnameseDateTime } from '../domain/vietnam-time';
import type { Report } from './services/reports';
import { flatHeading, periodLabel, REPORT_TITLE, reportTable, scopeLabel, type ReportColumn, type ReportTableRow } from './view-models/reports';

export const CODE_HEADING = 'Mã';

/** The file name of an export: bao-cao-2026-01-01-2026-03-31.csv */
export function exportFileName(report: Report, extension: 'csv' | 'xlsx'): string {
  return `bao-cao-${report.period.from}-${report.period.to}.${extension}`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A rate in percent with at most two decimals, as the CSV writes it. */
export function percent(rate: number): number {
  return Math.round(rate * 10_000) / 100;
}

function csvValue(column: ReportColumn, value: number | null): string {
  if (value === null) return '';
  return String(column.kind === 'rate' ? percent(value) : value);
}

const csvHeading = (c: ReportColumn) => (c.kind === 'rate' ? `${flatHeading(c)} (%)` : flatHeading(c));

/** RFC 4180 (comma, CRLF, quotes doubled), preceded by a BOM. */
export function reportCsv(report: Report): Buffer {
  const table = reportTable(report);
  const line = (row: ReportTableRow) => [row.key, row.label, ...row.values.map((v, i) => csvValue(table.columns[i], v))].map(csvField).join(',');
  const lines = [[CODE_HEADING, table.groupHeading, ...table.columns.map(csvHeading)].map(csvField).join(','), ...table.rows.map(line), line(table.total)];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

/** One sheet: the title, whose dossiers and which period, then the table with its two header rows. */
export async function reportXlsx(report: Report): Promise<Buffer> {
  const table = reportTable(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('Báo cáo', { views: [{ state: 'frozen', xSplit: 2, ySplit: 6 }] });
  const width = 2 + table.columns.length;

  sheet.addRow([REPORT_TITLE]).font = { bold: true, size: 13 };
  sheet.addRow([`Cơ quan: ${scopeLabel(report.scope)}`]);
  sheet.addRow([`Kỳ báo cáo: ${periodLabel(report)}; số liệu tính đến ${formatVietnameseDateTime(report.asOf)}`]);
  sheet.addRow([]);
  for (const r of [1, 2, 3]) sheet.mergeCells(r, 1, r, width);

  // Two header rows: a band over its columns; a column without a band spans both.
  const bandRow = sheet.addRow([CODE_HEADING, table.groupHeading, ...table.columns.map((c) => c.band ?? c.heading)]);
  const headingRow = sheet.addRow([CODE_HEADING, table.groupHeading, ...table.columns.map((c) => c.heading)]);
  sheet.mergeCells(bandRow.number, 1, headingRow.number, 1);
  sheet.mergeCells(bandRow.number, 2, headingRow.number, 2);
  let c = 0;
  while (c < table.columns.length) {
    const band = table.columns[c].band;
    let end = c;
    while (band && end + 1 < table.columns.length && table.columns[end + 1].band === band) end++;
    if (band) sheet.mergeCells(bandRow.number, 3 + c, bandRow.number, 3 + end);
    else sheet.mergeCells(bandRow.number, 3 + c, headingRow.number, 3 + c);
    c = end + 1;
  }
  for (const row of [bandRow, headingRow]) {
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }

  const addTableRow = (row: ReportTableRow) => {
    const added = sheet.addRow([row.key, row.label, ...row.values.map((v) => v ?? null)]);
    table.columns.forEach((column, i) => {
      if (column.kind === 'rate') added.getCell(3 + i).numFmt = '0.00%';
    });
    return added;
  };
  for (const row of table.rows) addTableRow(row);
  addTableRow(table.total).font = { bold: true };

  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = 48;
  for (let i = 0; i < table.columns.length; i++) sheet.getColumn(3 + i).width = 12;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
