/**
 * Kinds of agencies that handle or are consulted on dossiers, and how one is named in a
 * province or commune. The agencies themselves are rows of the `agency` table (seeded from
 * these names, then kept by administrators); a definition refers to a kind.
 * Names follow the organisation in force since 1 July 2025.
 */
export interface AgencyKind {
  kind: string;
  label: string;
  level: 'province' | 'commune';
  /** The agency's name in a place ("Hà Nội" with "thành phố", or a commune's name). */
  nameIn(place: string): string;
}

const provincial = (kind: string, label: string, prefix: string): AgencyKind => ({
  kind,
  label,
  level: 'province',
  nameIn: (place) => `${prefix} ${place}`,
});

export const AGENCY_KINDS: readonly AgencyKind[] = [
  provincial('driving-licence', 'Công an cấp tỉnh – Phòng Cảnh sát giao thông', 'Phòng Cảnh sát giao thông – Công an'),
  provincial('police-records', 'Công an cấp tỉnh – Phòng Hồ sơ nghiệp vụ', 'Phòng Hồ sơ nghiệp vụ – Công an'),
  provincial('justice', 'Sở Tư pháp', 'Sở Tư pháp'),
  provincial('industry-trade', 'Sở Công Thương', 'Sở Công Thương'),
  provincial('social-insurance', 'Bảo hiểm xã hội cấp tỉnh', 'Bảo hiểm xã hội'),
  provincial('tax', 'Thuế cấp tỉnh', 'Thuế'),
  provincial('electricity', 'Công ty điện lực', 'Công ty Điện lực'),
  provincial('home-affairs', 'Sở Nội vụ', 'Sở Nội vụ'),
  provincial('province-committee', 'Ủy ban nhân dân cấp tỉnh', 'Ủy ban nhân dân'),
  { kind: 'commune', label: 'Ủy ban nhân dân cấp xã', level: 'commune', nameIn: (commune) => `Ủy ban nhân dân ${commune}` },
];

export function agencyKind(kind: string): AgencyKind | undefined {
  return AGENCY_KINDS.find((k) => k.kind === kind);
}
