/**
 * The printed documents: Vietnamese text must come back out of the PDF exactly as written
 * (composed diacritics), from fonts embedded in the file. Text is extracted with pdfjs-dist in
 * a child `node` process, because pdfjs is ESM-only and Jest runs these tests as CommonJS.
 */
import { renderDrivingLicencePdf, type DrivingLicenceData } from '../../documents/driving-licence';
import { licenceValidUntil } from '../../domain/licence-validity';
import { vietnameseDateLine, vietnameseTimeAndDate } from '../../documents/pdf-kit';
import { renderReceiptSlipPdf, type ReceiptSlipData } from '../../documents/receipt-slip';
import { type ExtractedPdf as Extracted, extractPdf as extract } from '../support/pdf-text';

const STANDARD_14 = /\/BaseFont\s*\/(Helvetica|Times-|Courier|Symbol|ZapfDingbats)/;

function expectEmbeddedDejaVuOnly(pdf: Buffer, fonts: Extracted['fonts']): void {
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded).toBe(true);
    // Subset fonts are named "ABCDEF+DejaVu…".
    expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSerif/);
  }
  const raw = pdf.toString('latin1');
  expect(raw).toContain('/FontFile2');
  expect(raw).not.toMatch(STANDARD_14);
}

const licence: DrivingLicenceData = {
  number: '012345678901',
  documentCode: '000.00.31.H01-261124-0001-KQ1',
  dossierCode: '000.00.31.H01-261124-0001',
  // Typed on a keyboard that sends decomposed letters: must come out composed.
  holder: { fullName: 'Nguyễn Thị Hương'.normalize('NFD'), dateOfBirth: '1990-02-05', citizenId: '001190012345' },
  licenceClass: 'B',
  // 01:30 on 24 November in Vietnam, still 23 November in UTC.
  issuedAt: '2026-11-23T18:30:00.000Z',
  validUntil: '2036-11-24',
  agencyName: 'Phòng Cảnh sát giao thông Công an thành phố Hà Nội',
  provinceName: 'Hà Nội',
  signedBy: 'Trần Văn Đức',
};

describe('driving-licence PDF', () => {
  let pdf: Buffer;
  let extracted: Extracted;

  beforeAll(async () => {
    pdf = await renderDrivingLicencePdf(licence);
    extracted = extract(pdf);
  });

  test('is a one-page PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(extracted.pages).toHaveLength(1);
  });

  test('carries the national motto, the agency and the title with their diacritics', () => {
    expect(extracted.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(extracted.text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(extracted.text).toContain('PHÒNG CẢNH SÁT GIAO THÔNG CÔNG AN THÀNH PHỐ HÀ NỘI');
    expect(extracted.text).toContain('GIẤY PHÉP LÁI XE (Bản điện tử)');
    expect(extracted.text).toContain('Giấy phép lái xe');
  });

  test('prints each field under its Vietnamese label, the holder name composed (NFC)', () => {
    const text = extracted.text;
    expect(text).toContain('Số: 012345678901');
    expect(text).toContain('Họ và tên: Nguyễn Thị Hương'.normalize('NFC'));
    expect(text).not.toContain('Nguyễn Thị Hương'.normalize('NFD'));
    expect(text).toContain('Ngày sinh: 05/02/1990');
    expect(text).toContain('Số định danh cá nhân: 001190012345');
    expect(text).toContain('Hạng: B');
    expect(text).toContain('Có giá trị đến: 24/11/2036');
    expect(text).toContain('Nơi cấp: Phòng Cảnh sát giao thông Công an thành phố Hà Nội');
  });

  test('dates the licence by the day in Vietnam, not in UTC', () => {
    expect(extracted.text).toContain('Ngày cấp: 24/11/2026');
    expect(extracted.text).toContain('Hà Nội, ngày 24 tháng 11 năm 2026');
  });

  test('shows the signer and, in the footer, the result code and the dossier code', () => {
    expect(extracted.text).toContain('THỦ TRƯỞNG CƠ QUAN');
    expect(extracted.text).toContain('Trần Văn Đức');
    expect(extracted.text).toContain('Mã kết quả: 000.00.31.H01-261124-0001-KQ1');
    expect(extracted.text).toContain('Mã hồ sơ: 000.00.31.H01-261124-0001');
  });

  test('embeds DejaVu and uses no standard PDF font', () => {
    expectEmbeddedDejaVuOnly(pdf, extracted.fonts);
  });

  test('prints "Không thời hạn" for a licence without expiry', async () => {
    const text = extract(await renderDrivingLicencePdf({ ...licence, licenceClass: 'A1', validUntil: null })).text;
    expect(text).toContain('Có giá trị đến: Không thời hạn');
  });

  test('renders the same bytes for the same data, so a retried activity stores the same file', async () => {
    expect((await renderDrivingLicencePdf(licence)).equals(pdf)).toBe(true);
  });
});

const slip: ReceiptSlipData = {
  agencyName: 'Trung tâm Phục vụ hành chính công thành phố Hà Nội',
  provinceName: 'Hà Nội',
  dossierCode: '000.00.31.H01-260213-0007',
  procedureName: 'Đổi giấy phép lái xe',
  applicantName: 'Nguyễn Thị Hương',
  receivedAt: '2026-02-13T02:30:00.000Z',
  documents: [
    'Đơn đề nghị đổi giấy phép lái xe (kê khai trực tuyến)',
    'Giấy khám sức khỏe của người lái xe',
    'Giấy phép lái xe và căn cước công dân',
  ],
  processingTime: '5 ngày làm việc',
  appointmentAt: '2026-02-27T10:00:00.000Z',
  receivedBy: 'Lê Minh Anh',
  lookupUrl: 'https://motcua.example.vn/tra-cuu',
  lookupSecret: '7KQ2-M9XD',
};

describe('receipt and appointment slip PDF (form 01)', () => {
  let pdf: Buffer;
  let extracted: Extracted;

  beforeAll(async () => {
    pdf = await renderReceiptSlipPdf(slip);
    extracted = extract(pdf);
  });

  test('carries the form title, the dossier code and the dated place line', () => {
    expect(extracted.text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(extracted.text).toContain('Mã hồ sơ: 000.00.31.H01-260213-0007');
    expect(extracted.text).toContain('Hà Nội, ngày 13 tháng 02 năm 2026');
  });

  test('names the applicant, the procedure and every document received', () => {
    expect(extracted.text).toContain('tiếp nhận hồ sơ của: Nguyễn Thị Hương');
    expect(extracted.text).toContain('Nội dung yêu cầu giải quyết: Đổi giấy phép lái xe');
    slip.documents.forEach((name, i) => expect(extracted.text).toContain(`(${i + 1}) ${name}`));
  });

  test('states the time limit, the receipt time and the appointment in Vietnam time', () => {
    expect(extracted.text).toContain('5 ngày làm việc');
    expect(extracted.text).toContain('Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 13/02/2026');
    expect(extracted.text).toContain('Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 27/02/2026');
  });

  test('tells how to look the dossier up, with its lookup secret, and who received it', () => {
    expect(extracted.text).toContain('https://motcua.example.vn/tra-cuu');
    expect(extracted.text).toMatch(/mã bảo mật\s+7KQ2-M9XD/);
    expect(extracted.text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(extracted.text).toContain('Lê Minh Anh');
  });

  test('embeds DejaVu and uses no standard PDF font', () => {
    expectEmbeddedDejaVuOnly(pdf, extracted.fonts);
  });

  test('continues a long document list on a second page without losing any line', async () => {
    const documents = Array.from({ length: 40 }, (_, i) => `Giấy tờ kèm theo số ${i + 1} của hồ sơ`);
    const long = extract(await renderReceiptSlipPdf({ ...slip, documents, processingTime: '8 giờ làm việc' }));
    expect(long.pages.length).toBeGreaterThan(1);
    documents.forEach((name, i) => expect(long.text).toContain(`(${i + 1}) ${name}`));
    expect(long.text).toContain('8 giờ làm việc');
    expect(long.pages.at(-1)).toContain('Mã hồ sơ: 000.00.31.H01-260213-0007');
  });
});

describe('Vietnamese date lines', () => {
  test('writes days below 10 and the months January and February with a leading zero (Decree 30/2020)', () => {
    expect(vietnameseDateLine('Hà Nội', '2026-11-24')).toBe('Hà Nội, ngày 24 tháng 11 năm 2026');
    expect(vietnameseDateLine('Huế', '2026-02-05')).toBe('Huế, ngày 05 tháng 02 năm 2026');
    expect(vietnameseDateLine('Huế', '2026-03-09')).toBe('Huế, ngày 09 tháng 3 năm 2026');
  });

  test('dates an instant by its day in Vietnam', () => {
    expect(vietnameseDateLine('Hà Nội', new Date('2026-12-31T17:30:00Z'))).toBe('Hà Nội, ngày 01 tháng 01 năm 2027');
    expect(vietnameseDateLine('Hà Nội', '2026-12-31T17:30:00Z')).toBe('Hà Nội, ngày 01 tháng 01 năm 2027');
    expect(vietnameseTimeAndDate('2026-12-31T17:30:00Z')).toBe('00 giờ 30 phút, ngày 01/01/2027');
  });
});

describe('licenceValidUntil', () => {
  test.each(['A1', 'A', 'B1', 'A2', 'A3'])('a class %s licence has no expiry', (licenceClass) => {
    expect(licenceValidUntil(licenceClass, '2026-11-24')).toBeNull();
  });

  test.each(['B', 'C1', 'A4', 'B2'])('a class %s licence is valid ten years from issue', (licenceClass) => {
    expect(licenceValidUntil(licenceClass, '2026-11-24')).toBe('2036-11-24');
  });

  test.each(['C', 'D1', 'D2', 'D', 'BE', 'C1E', 'CE', 'D1E', 'D2E', 'DE', 'E', 'FC'])(
    'a class %s licence is valid five years from issue',
    (licenceClass) => {
      expect(licenceValidUntil(licenceClass, '2026-11-24')).toBe('2031-11-24');
    },
  );

  test('a licence issued on 29 February runs to 28 February in a common year', () => {
    expect(licenceValidUntil('C', '2028-02-29')).toBe('2033-02-28');
    expect(licenceValidUntil('B', '2028-02-29')).toBe('2038-02-28');
  });

  test('does not depend on the holder’s age under the 2024 law', () => {
    expect(licenceValidUntil('B', '2026-11-24', '1960-01-01')).toBe('2036-11-24');
  });

  test('accepts a class in lower case but refuses an unknown class or a malformed day', () => {
    expect(licenceValidUntil('c1', '2026-11-24')).toBe('2036-11-24');
    expect(() => licenceValidUntil('Z', '2026-11-24')).toThrow('unknown driving-licence class');
    expect(() => licenceValidUntil('B', '24/11/2026')).toThrow('YYYY-MM-DD');
  });
});
