/** The applicant's result page when a dossier has several results: one link each, same token. */
import type { ResultListing } from '../services/documents';

export function resultsPage(code: string, token: string, results: readonly ResultListing[]) {
  const base = `/ket-qua/${encodeURIComponent(code)}`;
  return {
    title: `Kết quả hồ sơ ${code}`,
    code,
    results: results.map((r) => ({ title: r.title, code: r.code, href: `${base}/${encodeURIComponent(r.code)}.pdf?t=${encodeURIComponent(token)}` })),
  };
}
