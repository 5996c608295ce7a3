/** The amount in words printed on the fee receipt (documents/fee-receipt.ts), as Vietnamese reads numbers. */
import { amountInWords } from '../../documents/fee-receipt';

test.each([
  [0, 'Không đồng'],
  [15, 'Mười lăm đồng'],
  [21, 'Hai mươi mốt đồng'],
  [105, 'Một trăm linh năm đồng'],
  [30_000, 'Ba mươi nghìn đồng'],
  [135_000, 'Một trăm ba mươi lăm nghìn đồng'],
  [711_000, 'Bảy trăm mười một nghìn đồng'],
  [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
  [2_500_000_000, 'Hai tỷ năm trăm triệu đồng'],
  [1_000_000_000_000, 'Một nghìn tỷ đồng'],
])('%d đồng reads "%s"', (amount, words) => {
  expect(amountInWords(amount)).toBe(words);
});

test('refuses what is not an amount', () => {
  expect(() => amountInWords(-1)).toThrow();
  expect(() => amountInWords(1.5)).toThrow();
});
