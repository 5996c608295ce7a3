/**
 * Driving-licence classes, for the procedures about driving licences (renewal, international
 * permit). Changing the list changes every published version that uses it: their snapshots
 * (procedures/published.test.ts) then fail. Add a new list for a new version instead.
 */

/** Licence classes of the 2024 Road Traffic Order and Safety Law, then the older classes still in circulation. */
const LICENCE_CLASSES = [
  ['A1', 'A1 – mô tô đến 125 cm³'],
  ['A', 'A – mô tô trên 125 cm³'],
  ['B1', 'B1 – xe ba bánh'],
  ['B', 'B – ô tô chở người đến 8 chỗ, tải đến 3.500 kg'],
  ['C1', 'C1 – ô tô tải 3.500 kg đến 7.500 kg'],
  ['C', 'C – ô tô tải trên 7.500 kg'],
  ['D1', 'D1 – ô tô chở người 9 đến 16 chỗ'],
  ['D2', 'D2 – ô tô chở người 17 đến 29 chỗ'],
  ['D', 'D – ô tô chở người trên 29 chỗ'],
  ['BE', 'BE – hạng B kéo rơ moóc'],
  ['C1E', 'C1E – hạng C1 kéo rơ moóc'],
  ['CE', 'CE – hạng C kéo rơ moóc'],
  ['D1E', 'D1E – hạng D1 kéo rơ moóc'],
  ['D2E', 'D2E – hạng D2 kéo rơ moóc'],
  ['DE', 'DE – hạng D kéo rơ moóc'],
  ['A2', 'A2 (mẫu cũ) – mô tô từ 175 cm³'],
  ['A3', 'A3 (mẫu cũ) – xe mô tô ba bánh'],
  ['A4', 'A4 (mẫu cũ) – máy kéo đến 1.000 kg'],
  ['B2', 'B2 (mẫu cũ) – ô tô đến 9 chỗ, tải dưới 3.500 kg'],
  ['E', 'E (mẫu cũ) – ô tô chở người trên 30 chỗ'],
  ['FC', 'FC (mẫu cũ) – hạng C kéo rơ moóc'],
] as const;

/** The classes as the choices of a select field. */
export const LICENCE_CLASS_OPTIONS = LICENCE_CLASSES.map(([value, label]) => ({ value, label }));

/** Motorcycle and tricycle classes: renewed without a health certificate, issued without a term. */
export const MOTORCYCLE_CLASSES = ['A1', 'A', 'A2', 'A3', 'B1'];
