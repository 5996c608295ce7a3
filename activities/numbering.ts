/**
 * Hands out result numbers: at most one per result document, never the same twice. The
 * sequence increment and the issued row commit together, so a failed attempt leaves no gap,
 * and a retried activity gets back the number it already took.
 */
import type { Orm } from '../db/orm';

export interface AllocatedNumber {
  number: string;
  issuedAt: Date;
}

export async function allocateNumber(
  orm: Orm,
  request: { scheme: string; prefix: string; format: (value: number) => string; dossierCode: string; documentCode: string },
): Promise<AllocatedNumber> {
  const connection = orm.em.getConnection();
  const existing = async () => {
    const rows = await connection.execute<{ number: string; issued_at: Date }[]>(
      'select number, issued_at from issued_number where document_code = ?',
      [request.documentCode],
    );
    return rows[0] ? { number: rows[0].number, issuedAt: new Date(rows[0].issued_at) } : undefined;
  };
  const found = await existing();
  if (found) return found;
  try {
    return await orm.em.fork().transactional(async (em) => {
      const tx = em.getConnection();
      const ctx = em.getTransactionContext();
      const [{ last_value }] = await tx.execute<{ last_value: string }[]>(
        `insert into number_sequence (scheme, prefix, last_value) values (?, ?, 1)
         on conflict (scheme, prefix) do update set last_value = number_sequence.last_value + 1
         returning last_value`,
        [request.scheme, request.prefix],
        'all',
        ctx,
      );
      const number = request.format(Number(last_value));
      const issuedAt = new Date();
      await tx.execute(
        'insert into issued_number (scheme, number, dossier_code, document_code, issued_at) values (?, ?, ?, ?, ?)',
        [request.scheme, number, request.dossierCode, request.documentCode, issuedAt],
        'run',
        ctx,
      );
      return { number, issuedAt };
    });
  } catch (error) {
    // A concurrent attempt for the same dossier won the race: use its number.
    const winner = await existing();
    if (winner) return winner;
    throw error;
  }
}
