/**
 * Personal data as lists and logs may show it: enough for the person to recognise their own
 * record, or for an official to tell two lines apart, never the whole value. Full values appear
 * only on the pages that need them (the dossier page, the result).
 */

/** "Nguyễn Thị Hương" -> "Nguyễn T. H." */
export function maskName(name: string): string {
  const [family, ...rest] = name.split(' ').filter(Boolean);
  if (!family) return '';
  return [family, ...rest.map((w) => `${[...w][0]}.`)].join(' ');
}

/** Keeps the last `visible` characters: "001085004521" -> "********4521". */
export function maskTail(value: string, visible = 4): string {
  const chars = [...value];
  if (chars.length <= visible) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - visible) + chars.slice(-visible).join('');
}

/** "nguyen.van.an@example.vn" -> "n***@example.vn" */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskTail(email);
  return `${email[0]}***${email.slice(at)}`;
}

/** "0912345678" -> "091****678" */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return maskTail(phone, 2);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 6)}${phone.slice(-3)}`;
}

/** A recipient (e-mail address or phone number) for a log line. */
export function maskRecipient(recipient: string): string {
  return recipient.includes('@') ? maskEmail(recipient) : maskPhone(recipient);
}

/** A form value of a field marked personal, by the kind of field it is. */
export function maskFieldValue(type: string, value: string): string {
  if (!value) return value;
  switch (type) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'citizen-id':
    case 'digits':
      return maskTail(value);
    case 'date':
      return '**/**/****';
    case 'text':
      return maskName(value);
    default:
      return '***';
  }
}
