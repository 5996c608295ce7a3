/** 135000 -> "135.000 đồng", the way Vietnamese documents write amounts (no Intl: same output everywhere). */
export function formatVnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}
