/**
 * Form fields that many procedures ask the same way. A definition lists one by name
 * (`fields: [FULL_NAME, CITIZEN_ID, …]`), or spreads it to change a detail:
 * `{ ...EMAIL, required: false }`.
 *
 * Changing a block here changes every published version that uses it: their snapshots
 * (procedures/published.test.ts) then fail. Add a new block instead.
 */
import type { FormFieldInput } from '../../engine/definition';

export const FULL_NAME: FormFieldInput = { name: 'fullName', label: 'Họ và tên', type: 'text', maxLength: 100, personal: true };

export const CITIZEN_ID: FormFieldInput = {
  name: 'citizenId',
  label: 'Số căn cước / CCCD',
  type: 'citizen-id',
  personal: true,
  hint: '12 chữ số',
};

export const DATE_OF_BIRTH: FormFieldInput = { name: 'dateOfBirth', label: 'Ngày sinh', type: 'date', dateRange: 'past', personal: true };

export const PHONE: FormFieldInput = { name: 'phone', label: 'Số điện thoại', type: 'phone', personal: true };

export const EMAIL: FormFieldInput = {
  name: 'email',
  label: 'Thư điện tử',
  type: 'email',
  personal: true,
  hint: 'Nhận thông báo về hồ sơ',
};

/** An enterprise's tax code, as the business register knows it (ENTERPRISE_CHECK reads it). */
export const TAX_CODE: FormFieldInput = {
  name: 'taxCode',
  label: 'Mã số doanh nghiệp (mã số thuế)',
  type: 'text',
  maxLength: 14,
  hint: '10 chữ số; chi nhánh thêm "-001"…',
};

/** An enterprise's contact number (not personal data: the enterprise's). */
export const CONTACT_PHONE: FormFieldInput = { name: 'phone', label: 'Số điện thoại liên hệ', type: 'phone' };
