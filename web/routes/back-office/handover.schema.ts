/** Recording a result handed over (routes/back-office/handover.ts). */
import { z } from 'zod';
import { formWith, optionalText, requestIdField, requiredText } from '../../validation';

export const RELATIONS = ['Chính chủ', 'Người được ủy quyền', 'Người thân trong gia đình'] as const;

export const handoverBody = formWith({
  requestId: requestIdField,
  method: z.enum(['counter', 'post'], { error: 'Vui lòng chọn hình thức trả kết quả.' }),
  collectorName: requiredText('họ tên người nhận', 120),
  collectorIdNumber: optionalText('số giấy tờ tùy thân', 20),
  relation: optionalText('quan hệ với người nộp', 60),
  trackingNumber: optionalText('mã bưu gửi', 40),
  note: optionalText('ghi chú', 1000),
}).superRefine((body, ctx) => {
  if (body.method === 'counter') {
    if (!/^(\d{9}|\d{12})$/.test(body.collectorIdNumber))
      ctx.addIssue({ code: 'custom', path: ['collectorIdNumber'], message: 'Vui lòng nhập số căn cước (12 chữ số) hoặc chứng minh nhân dân (9 chữ số) đã kiểm tra.' });
    if (!(RELATIONS as readonly string[]).includes(body.relation))
      ctx.addIssue({ code: 'custom', path: ['relation'], message: 'Vui lòng chọn quan hệ của người nhận với người nộp hồ sơ.' });
  }
  if (body.method === 'post' && !/^[A-Za-z0-9-]{6,40}$/.test(body.trackingNumber))
    ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'Vui lòng nhập mã bưu gửi (6–40 chữ, số).' });
});
