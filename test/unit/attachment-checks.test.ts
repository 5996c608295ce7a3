/**
 * The checks on uploaded files (web/services/attachments.ts): the type from the content only, the
 * size of each file and the total of a dossier's current documents, one message per refused file.
 */
import type { FileStore } from '../../db/file-store';
import type { Orm } from '../../db/orm';
import { AttachmentService, cleanFileName, detectType, type IncomingFile, type Requirement } from '../../web/services/attachments';

const service = new AttachmentService({} as Orm, {} as FileStore, { maxFileBytes: 1000, maxDossierBytes: 2500 });
const requirements: Requirement[] = [
  { id: 'don', name: 'Đơn đề nghị', required: true, conditional: false },
  { id: 'anh', name: 'Ảnh chân dung', required: false, conditional: false },
  { id: 'giay', name: 'Giấy khám sức khỏe', required: true, conditional: true },
];
const PDF = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 32)]);
const file = (field: string, name: string, buffer: Buffer): IncomingFile => ({ fieldname: `doc_${field}`, originalname: name, buffer, size: buffer.length });

test('the type comes from the content, not the name', () => {
  expect(detectType(PDF(100))).toBe('application/pdf');
  expect(detectType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]))).toBe('image/jpeg');
  expect(detectType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
  expect(detectType(Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('image/tiff');
  expect(detectType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeUndefined();
  expect(detectType(Buffer.from('<html><script>alert(1)</script>'))).toBeUndefined();
});

test('one message per refused file; the good ones pass', () => {
  const checked = service.check(
    [file('don', 'chuong-trinh.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')), file('anh', 'anh.pdf', PDF(1001)), file('giay', 'giay.pdf', PDF(900))],
    requirements,
  );
  expect(checked.accepted.map((a) => [a.requirementId, a.mimeType])).toEqual([['giay', 'application/pdf']]);
  expect(checked.errors.don).toBe('Tệp "chuong-trinh.pdf" (Đơn đề nghị) không phải tệp PDF hoặc ảnh (JPEG, PNG, TIFF) theo nội dung tệp; hệ thống chỉ nhận PDF, JPEG, PNG, TIFF.');
  expect(checked.errors.anh).toBe('Tệp "anh.pdf" (Ảnh chân dung) có dung lượng 1001 byte, vượt quá giới hạn 1000 byte cho mỗi tệp.');
});

test('the total counts what the dossier holds, a replacement freeing the version it replaces', () => {
  const held = { don: 900, anh: 900 };
  // Replacing "don" (900 → 800) and adding "giay" (800): 800 + 900 + 800 = 2500, within.
  expect(service.check([file('don', 'a.pdf', PDF(800)), file('giay', 'b.pdf', PDF(800))], requirements, held).errors).toEqual({});
  // Adding "giay" at 900: 900 + 900 + 900 = 2700, past.
  const past = service.check([file('giay', 'c.pdf', PDF(900))], requirements, held);
  expect(past.errors.giay).toBe('Tệp "c.pdf" (Giấy khám sức khỏe): tổng dung lượng tài liệu của hồ sơ sẽ vượt quá giới hạn 2,4 KB.');
});

test('ignores fields of no document and empty inputs; names are cleaned', () => {
  const checked = service.check([file('khac', 'x.pdf', PDF(100)), { fieldname: 'doc_don', originalname: '', buffer: Buffer.alloc(0), size: 0 }], requirements);
  expect(checked).toEqual({ accepted: [], errors: {} });
  expect(cleanFileName('C:\\Users\\lan\\"<bản quét>".pdf')).toBe('bản quét.pdf');
});
