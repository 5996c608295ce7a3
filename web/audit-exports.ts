/**
 * The audit trail as files for auditors: CSV (UTF-8 with a byte-order mark, RFC 4180) and XLSX.
 * Each row carries every field the hash covers, exactly as stored (the time in UTC with
 * microseconds, the detail's JSON text), with the previous hash and the hash: an auditor
 * recomputes SHA-256 over db/audit.ts `canonicalAuditEntry` and checks that each row's
 * previous hash is the hash of the row numbered one less.
 */
import ExcelJS from 'exceljs';
import type { ChainedAuditEntry } from '../db/audit';
import { actionLabel } from './view-models/audit';

/** The columns, in the order of the canonical form (then the action's Vietnamese label). */
export const AUDIT_EXPORT_HEADINGS = [
  'seq',
  'prev_hash',
  'at_utc',
  'actor',
  'action',
  'target',
  'ip',
  'agency_code',
  'dossier_code',
  'event_key',
  'detail',
  'hash',
  'Thao tác',
] as const;

function cells(e: ChainedAuditEntry): (string | number)[] {
  return [e.seq, e.prevHash, e.at, e.actor, e.action, e.target ?? '', e.ip ?? '', e.agencyCode ?? '', e.dossierCode ?? '', e.key ?? '', e.detail ?? '', e.hash, actionLabel(e.action)];
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(entries: readonly ChainedAuditEntry[]): Buffer {
  const lines = [AUDIT_EXPORT_HEADINGS.map(csvField).join(','), ...entries.map((e) => cells(e).map(csvField).join(','))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

export async function auditXlsx(entries: readonly ChainedAuditEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('Nhật ký', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...AUDIT_EXPORT_HEADINGS]).font = { bold: true };
  // Every cell as text: a detail or a target must not become a number or a date.
  for (const e of entries) sheet.addRow(cells(e).map(String));
  sheet.getColumn(1).width = 10;
  for (const c of [2, 12]) sheet.getColumn(c).width = 66;
  sheet.getColumn(3).width = 30;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** nhat-ky-<from>-<to>.csv, or nhat-ky.csv without a period. */
export function auditFileName(period: { from?: string; to?: string }, extension: 'csv' | 'xlsx'): string {
  const parts = [period.from, period.to].filter(Boolean);
  return `nhat-ky${parts.length ? `-${parts.join('-')}` : ''}.${extension}`;
}
