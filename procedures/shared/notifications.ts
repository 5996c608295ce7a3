/**
 * Notification texts that many procedures send word for word, by the template name they are
 * usually given: `notifications: { submitted: NOTICE.submitted, …, result: { …its own… } }`.
 * Placeholders: docs/procedures.md.
 *
 * Changing a text here changes every published version that uses it: their snapshots
 * (procedures/published.test.ts) then fail. Add a new text instead.
 */
import type { NotificationInput } from '../../engine/definition';

export const NOTICE = {
  submitted: {
    subject: 'Đã nhận hồ sơ {{code}}',
    body:
      'Kính gửi {{name}},\n\nHồ sơ "{{procedure}}" của Ông/Bà đã được đăng ký với mã {{code}}. ' +
      'Ông/Bà có thể tra cứu tình trạng hồ sơ tại {{lookupLink}}.',
  },
  accepted: {
    subject: 'Hồ sơ {{code}} đã được tiếp nhận',
    body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} đã được tiếp nhận. Ngày hẹn trả kết quả: {{appointment}}. Tra cứu: {{lookupLink}}.',
  },
  supplement: {
    subject: 'Yêu cầu bổ sung hồ sơ {{code}}',
    body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} cần bổ sung, hoàn thiện: {{reason}}\n\nÔng/Bà vui lòng bổ sung tại: {{supplementLink}}',
  },
  refused: {
    subject: 'Hồ sơ {{code}} không được tiếp nhận',
    body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} không được tiếp nhận. Lý do: {{reason}}',
  },
  rejected: {
    subject: 'Kết quả giải quyết hồ sơ {{code}}',
    body: 'Kính gửi {{name}},\n\nHồ sơ {{code}} không được giải quyết. Lý do: {{reason}}',
  },
  'cancelled-unpaid': {
    subject: 'Hồ sơ {{code}} đã dừng xử lý',
    body:
      'Kính gửi {{name}},\n\nHồ sơ {{code}} đã dừng xử lý do lệ phí chưa được nộp trong thời hạn. ' +
      'Ông/Bà có thể nộp hồ sơ mới khi có nhu cầu.',
  },
} as const satisfies Record<string, NotificationInput>;
