/**
 * Numbering schemes of results: a pattern with tokens, e.g. "{province}{yy}{seq:8}" gives
 * 012600000001. The sequence restarts for every distinct prefix (what the pattern yields
 * around the sequence), so "{seq:5}/{yyyy}/GCN-{province}" restarts each year and province.
 */
export const BUILT_IN_NUMBERING: Record<string, { pattern: string }> = {
  /** Driving licences: province code, two-digit year, eight-digit sequence. */
  'driving-licence': { pattern: '{province}{yy}{seq:8}' },
};

export interface NumberingContext {
  provinceCode: string;
  communeCode?: string;
  agencyCode: string;
  /** Local date of issue, YYYY-MM-DD. */
  day: string;
}

const TOKEN = /\{(\w+)(?::(\d+))?\}/g;
const KNOWN = new Set(['province', 'commune', 'agency', 'yy', 'yyyy', 'seq']);

export function numberingPatternProblem(pattern: string): string | undefined {
  const tokens = [...pattern.matchAll(TOKEN)];
  const unknown = tokens.find((t) => !KNOWN.has(t[1]));
  if (unknown) return `unknown token {${unknown[1]}} (known: ${[...KNOWN].join(', ')})`;
  const seq = tokens.filter((t) => t[1] === 'seq');
  if (seq.length !== 1 || !seq[0][2]) return 'the pattern needs exactly one {seq:N}, N the number of digits';
  return undefined;
}

function fill(pattern: string, ctx: NumberingContext, seq: string): string {
  return pattern.replace(TOKEN, (_whole, token: string) => {
    switch (token) {
      case 'province':
        return ctx.provinceCode;
      case 'commune':
        return ctx.communeCode ?? '';
      case 'agency':
        return ctx.agencyCode;
      case 'yy':
        return ctx.day.slice(2, 4);
      case 'yyyy':
        return ctx.day.slice(0, 4);
      default:
        return seq;
    }
  });
}

/** The key a sequence counts under: the pattern filled in, with the sequence left out. */
export function sequencePrefix(pattern: string, ctx: NumberingContext): string {
  return fill(pattern, ctx, '');
}

export function formatNumber(pattern: string, ctx: NumberingContext, value: number): string {
  const digits = Number(/\{seq:(\d+)\}/.exec(pattern)?.[1] ?? 1);
  return fill(pattern, ctx, String(value).padStart(digits, '0'));
}

export function schemePattern(schemes: Record<string, { pattern: string }> | undefined, name: string): string | undefined {
  return schemes?.[name]?.pattern ?? BUILT_IN_NUMBERING[name]?.pattern;
}
