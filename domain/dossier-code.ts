/**
 * Dossier codes in the national format of Circular 01/2018/TT-VPCP art. 19:
 * `<receiving unit's identifier>-<YYMMDD>-<4-digit daily sequence>`, e.g. `000.00.01.H26-260930-0012`.
 * The unit identifier is data (agency.unitCode), so a redefined format only changes data.
 */
import { localDateParts } from './vietnam-time';

const UNIT_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/;
const DOSSIER_CODE = /^([0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2})-(\d{6})-(\d{4,})$/;

export function isUnitCode(text: string): boolean {
  return UNIT_CODE.test(text);
}

/** The YYMMDD part for a receipt instant, in Vietnam's time zone. */
export function receiptDay(at: Date): string {
  const { year, month, day } = localDateParts(at);
  return `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

export function formatDossierCode(unitCode: string, day: string, sequence: number): string {
  if (!isUnitCode(unitCode)) throw new Error(`not a unit identifier code: ${unitCode}`);
  if (!/^\d{6}$/.test(day)) throw new Error(`not a YYMMDD day: ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`not a sequence number: ${sequence}`);
  return `${unitCode}-${day}-${String(sequence).padStart(4, '0')}`;
}

export interface ParsedDossierCode {
  unitCode: string;
  day: string;
  sequence: number;
}

export function parseDossierCode(code: string): ParsedDossierCode | undefined {
  const m = DOSSIER_CODE.exec(code.trim().toUpperCase());
  return m ? { unitCode: m[1], day: m[2], sequence: Number(m[3]) } : undefined;
}

export function normalizeDossierCode(code: string): string {
  return code.trim().toUpperCase();
}
