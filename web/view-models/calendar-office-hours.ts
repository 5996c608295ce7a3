/** The office-hours pages: the province's agencies with their hours, and one agency's form. */
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../../domain/legal-clock';
import type { AgencyHours } from '../services/calendar-office-hours';
import type { FieldErrors } from '../validation';

const sessionsText = (hours: OfficeHours) => hours.sessions.map((s) => `${s.start}–${s.end}`).join(', ');

export const officeHoursHref = (code: string) => `/quan-tri/gio-lam-viec/${encodeURIComponent(code)}`;

export function officeHoursListPage(agencies: AgencyHours[]) {
  return {
    title: 'Giờ làm việc của các cơ quan',
    defaultText: `Mặc định: ${sessionsText(DEFAULT_OFFICE_HOURS)}; nhận sau ${DEFAULT_OFFICE_HOURS.cutoff} tính từ ngày làm việc tiếp theo.`,
    rows: agencies.map((a) => ({
      code: a.code,
      name: a.name,
      href: officeHoursHref(a.code),
      sessions: sessionsText(a.hours),
      cutoff: a.hours.cutoff,
      isDefault: !a.own,
    })),
  };
}

/** `sessionCount`: how many sessions the form offers (the schema's limit). */
export function officeHoursPage(agency: AgencyHours, sessionCount: number, state: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
  const current: Record<string, string> = { cutoff: agency.hours.cutoff };
  agency.hours.sessions.forEach((s, i) => {
    current[`start${i + 1}`] = s.start;
    current[`end${i + 1}`] = s.end;
  });
  return {
    title: `Giờ làm việc: ${agency.name}`,
    backHref: '/quan-tri/gio-lam-viec',
    agency: { code: agency.code, name: agency.name, isDefault: !agency.own },
    defaultText: `${sessionsText(DEFAULT_OFFICE_HOURS)}; chốt nhận ${DEFAULT_OFFICE_HOURS.cutoff}`,
    action: officeHoursHref(agency.code),
    resetAction: `${officeHoursHref(agency.code)}/mac-dinh`,
    sessions: Array.from({ length: sessionCount }, (_, i) => i + 1),
    values: { ...current, ...state.values },
    errors: state.errors ?? {},
  };
}
