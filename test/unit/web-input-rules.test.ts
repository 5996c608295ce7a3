/**
 * The web layer's pure rules, without a server: how input is read (web/validation.ts), what a
 * supplement step lets the applicant change (web/services/tasks.ts), and how the mailbox finds
 * links in a message.
 */
import { z } from 'zod';
import { type ProcedureDefinition, procedureSchema } from '../../engine/definition';
import { checkSupplementAnswer, currentSupplementForm, stepOfTask } from '../../web/services/tasks';
import { formWith, optionalText, parse, positiveInteger, requestIdField, requiredText } from '../../web/validation';
import { mailLine } from '../../web/view-models/mailbox';
import { webSample, webSampleForm } from '../fixtures/web-sample';

const definition: ProcedureDefinition = procedureSchema.parse(webSample);

describe('reading input', () => {
  const schema = formWith({ name: requiredText('họ và tên', 10), note: optionalText('ghi chú', 5), count: positiveInteger('số bản'), requestId: requestIdField });

  test('names each wrong field in Vietnamese', () => {
    expect(parse(schema, { name: ['a', 'b'], note: 'quá dài rồi', count: 'hai', extra: { x: 1 } })).toEqual({
      ok: false,
      errors: {
        name: 'Họ và tên chỉ nhận một giá trị.',
        note: 'Ghi chú không được dài quá 5 ký tự.',
        count: 'Số bản phải là số nguyên dương.',
        extra: 'Mỗi mục chỉ nhận một giá trị.',
      },
    });
    expect(parse(schema, {})).toMatchObject({ ok: false, errors: { name: 'Vui lòng nhập họ và tên.', count: 'Số bản phải là số nguyên dương.' } });
    expect(parse(schema, { name: '   ', count: '0' })).toMatchObject({ ok: false, errors: { name: 'Vui lòng nhập họ và tên.', count: 'Số bản phải là số nguyên dương.' } });
  });

  test('trims text, reads numbers, and gives a missing or malformed request id a fresh one', () => {
    const parsed = parse(schema, { name: ' An ', count: '3', requestId: 'not-a-uuid', in_x: 'y' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({ name: 'An', note: '', count: 3, in_x: 'y' });
    expect(parsed.value.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const id = '0b7f7ad2-5f57-4cb0-9d1b-6f43c1f0e001';
    expect(parse(schema, { name: 'An', count: 1, requestId: id })).toMatchObject({ ok: true, value: { requestId: id } });
  });

  test('files a problem with the input as a whole under the name given', () => {
    expect(parse(z.object({ a: z.string() }, { error: 'Nội dung phải là một đối tượng JSON' }), [1], 'body')).toEqual({
      ok: false,
      errors: { body: 'Nội dung phải là một đối tượng JSON' },
    });
  });
});

describe('the steps of a dossier', () => {
  test("finds a task's step by the task's own step id, whatever other steps offer", () => {
    expect(stepOfTask(definition, { stepId: 'approval' })?.actions.find((a) => a.id === 'approve')?.label).toBe('Phê duyệt');
    expect(stepOfTask(definition, { stepId: 'review' })?.actions.find((a) => a.id === 'approve')?.label).toBe('Đề xuất phê duyệt');
    expect(stepOfTask(definition, { stepId: 'fix-contact' })).toBeUndefined();
  });

  test('offers the editable fields of the supplement step the dossier is in, and nothing when it is in none', () => {
    expect(currentSupplementForm({ stepId: 'fix-contact' }, definition)?.fields.map((f) => f.name)).toEqual(['email', 'phone']);
    expect(currentSupplementForm({ stepId: 'fix-identity' }, definition)?.fields.map((f) => f.name)).toEqual(['fullName', 'dateOfBirth']);
    expect(currentSupplementForm({ stepId: 'review' }, definition)).toBeUndefined();
  });

  test('refuses by name a value for a field the step does not let the applicant change', () => {
    const stored = webSampleForm();
    const step = currentSupplementForm({ stepId: 'fix-contact' }, definition)!;
    const answer = checkSupplementAnswer(definition, step, stored, { email: 'MOI@example.vn', phone: '0987 654 321', fullName: 'Tên khác', citizenId: stored.citizenId, nickname: 'x' }, '2026-12-02');
    expect(answer.errors).toEqual({
      fullName: 'Họ và tên: không được sửa ở lần bổ sung này (chỉ sửa các mục có trên trang).',
      nickname: 'Mục "nickname" không có trong tờ khai.',
    });
    // Corrections are normalised as at submission; fields the step does not touch keep their value.
    expect(answer.values).toEqual({ email: 'moi@example.vn', phone: '0987654321' });
    expect(answer.form).toEqual({ ...stored, email: 'moi@example.vn', phone: '0987654321' });
  });

  test('checks the editable fields as the submission form does', () => {
    const step = currentSupplementForm({ stepId: 'fix-identity' }, definition)!;
    const answer = checkSupplementAnswer(definition, step, webSampleForm(), { fullName: '', dateOfBirth: '31/02/1988' }, '2026-12-02');
    expect(answer.errors).toEqual({ fullName: 'Vui lòng nhập họ và tên', dateOfBirth: 'Ngày sinh không hợp lệ (ngày/tháng/năm)' });
  });
});

test('the mailbox makes the links of a message line clickable and leaves the rest as text', () => {
  expect(mailLine('Xem tại http://localhost:3000/tra-cuu?ma=X&t=1. Cảm ơn')).toEqual([
    { text: 'Xem tại ' },
    { href: 'http://localhost:3000/tra-cuu?ma=X&t=1' },
    { text: '. Cảm ơn' },
  ]);
  expect(mailLine('Không có liên kết')).toEqual([{ text: 'Không có liên kết' }]);
});
