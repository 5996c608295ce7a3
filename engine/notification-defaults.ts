/**
 * Messages the engine sends on its own, when the legal clock moves an appointment or an
 * official apologises (printed form 04). A definition may word them itself: a template of the
 * same name in its `notifications` is used instead.
 */
export const ENGINE_NOTIFICATIONS: Readonly<Record<string, { subject: string; body: string }>> = {
  'appointment-moved': {
    subject: 'Hồ sơ {{code}}: ngày hẹn trả kết quả mới',
    body:
      'Kính gửi {{name}},\n\nThời gian chờ bổ sung hồ sơ {{code}} ({{procedure}}) không tính vào thời hạn giải quyết. ' +
      'Ngày hẹn trả kết quả mới: {{appointment}}.\n\nTra cứu: {{lookupLink}}',
  },
  'deadline-changed': {
    subject: 'Hồ sơ {{code}}: ngày hẹn trả kết quả được điều chỉnh',
    body:
      'Kính gửi {{name}},\n\nNgày hẹn trả kết quả hồ sơ {{code}} ({{procedure}}) được điều chỉnh thành {{appointment}}. ' +
      'Lý do: {{reason}}.\n\nTra cứu: {{lookupLink}}',
  },
  apology: {
    subject: 'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{code}}',
    body:
      'Kính gửi {{name}},\n\nHồ sơ {{code}} ({{procedure}}) chưa giải quyết được đúng hạn đã hẹn. Lý do: {{reason}}.\n\n' +
      'Cơ quan chúng tôi xin lỗi và hẹn trả kết quả vào ngày {{appointment}}.\n\nTra cứu: {{lookupLink}}',
  },
};
