/**
 * The registry checks the engine knows, and the one list of their parameters. A definition picks
 * one by name and maps its parameters to form fields; adding a kind is engine work (an adapter
 * in activities/registries). Free of other imports: the checker, the web, the activities and the
 * workflow use it.
 */
export const CHECK_KINDS = [
  'population.identity',
  'driving-licence.record',
  'business.registration',
  'social-insurance.card',
  'vehicle.quality-certificate',
  'calendar.notice-period',
] as const;

export type CheckKind = (typeof CHECK_KINDS)[number];

export interface CheckParameters {
  /** Parameters read from form fields (`input` of the check, parameter -> field). */
  input: readonly string[];
  /** Fixed parameters the definition must give (`params`). */
  params?: readonly string[];
  /** Fixed parameters the definition may give. */
  optionalParams?: readonly string[];
  /** The registry as officials name it. */
  label: string;
}

export const CHECK_PARAMETERS: Record<CheckKind, CheckParameters> = {
  'population.identity': { input: ['citizenId', 'fullName', 'dateOfBirth'], label: 'Cơ sở dữ liệu quốc gia về dân cư' },
  'driving-licence.record': { input: ['licenceNumber', 'licenceClass', 'citizenId'], label: 'Cơ sở dữ liệu giấy phép lái xe' },
  'business.registration': { input: ['taxCode'], label: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp' },
  'social-insurance.card': { input: ['insuranceCode', 'citizenId'], label: 'Cơ sở dữ liệu quốc gia về bảo hiểm' },
  'vehicle.quality-certificate': { input: ['frameNumber'], label: 'Dữ liệu chứng nhận chất lượng xe cơ giới' },
  'calendar.notice-period': {
    input: ['date'],
    params: ['workingDays'],
    optionalParams: ['dateLabel'],
    label: 'Thời hạn thông báo trước',
  },
};
