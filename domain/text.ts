/** "Kết quả tra cứu" -> "kết quả tra cứu" inside a sentence; acronyms ("CCCD") and proper nouns after the first word stay. */
export function lowerFirst(label: string): string {
  return /^[A-ZÀ-Ỹ][a-zà-ỹ]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}
