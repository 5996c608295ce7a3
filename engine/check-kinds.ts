/**
 * The registry checks the engine knows. A definition picks one by name and maps its parameters
 * to form fields; adding a kind is engine work (an adapter in activities/registries).
 * Free of other imports: the checker, the web and the workflow use it.
 */
export const CHECK_KINDS = [
  'population.identity',
  'driving-licence.record',
  'business.registration',
  'social-insurance.card',
  'vehicle.quality-certificate',
  'calendar.notice-period',
] as const;

export type CheckKindName = (typeof CHECK_KINDS)[number];

/** Parameters each kind needs: from form fields (`input`) or fixed in the definition (`params`). */
export const CHECK_PARAMETERS: Record<CheckKindName, { input: string[]; params?: string[]; label: string }> = {
  'population.identity': { input: ['citizenId', 'fullName', 'dateOfBirth'], label: 'Cơ sở dữ liệu quốc gia về dân cư' },
  'driving-licence.record': { input: ['licenceNumber', 'licenceClass', 'citizenId'], label: 'Cơ sở dữ liệu giấy phép lái xe' },
  'business.registration': { input: ['taxCode'], label: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp' },
  'social-insurance.card': { input: ['insuranceCode', 'citizenId'], label: 'Cơ sở dữ liệu quốc gia về bảo hiểm' },
  'vehicle.quality-certificate': { input: ['frameNumber'], label: 'Dữ liệu chứng nhận chất lượng xe cơ giới' },
  'calendar.notice-period': { input: ['date'], params: ['workingDays'], label: 'Thời hạn thông báo trước' },
};
