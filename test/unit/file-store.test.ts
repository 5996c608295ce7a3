/**
 * The file store behind uploaded documents (db/file-store.ts): both implementations keep content
 * under its SHA-256, once per content, give it back unchanged, answer nothing for an unknown or
 * malformed hash, and refuse content that no longer matches its hash. The PostgreSQL one runs
 * here against a stand-in for its one table (the full-stack tests, test/web/counter.test.ts, use
 * the real one).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFileStore, FolderFileStore, type FileStore, PostgresFileStore, sha256 } from '../../db/file-store';
import type { Orm } from '../../db/orm';

/** The `stored_file` table as the PostgreSQL store uses it (insert … on conflict do nothing; select by hash). */
function fakeOrm(rows: Map<string, Buffer>): Orm {
  const execute = async (sql: string, params: unknown[]) => {
    if (sql.startsWith('insert into stored_file')) {
      const [hash, , content] = params as [string, number, Buffer];
      if (!rows.has(hash)) rows.set(hash, Buffer.from(content));
      return [];
    }
    if (sql.startsWith('select content from stored_file')) {
      const content = rows.get(params[0] as string);
      return content ? [{ content }] : [];
    }
    throw new Error(`unexpected SQL: ${sql}`);
  };
  return { em: { fork: () => ({ getConnection: () => ({ execute }) }) } } as unknown as Orm;
}

let folder: string;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-files-'));
});
afterAll(() => fs.rm(folder, { recursive: true, force: true }));

const pgRows = new Map<string, Buffer>();
const stores: [string, () => FileStore][] = [
  ['folder', () => new FolderFileStore(folder)],
  ['postgres', () => new PostgresFileStore(fakeOrm(pgRows))],
];

describe.each(stores)('%s file store', (_name, make) => {
  test('keeps content under its SHA-256 and gives it back unchanged', async () => {
    const store = make();
    const content = crypto.randomBytes(5000);
    const stored = await store.put(content);
    expect(stored).toEqual({ hash: crypto.createHash('sha256').update(content).digest('hex'), size: 5000 });
    expect((await store.get(stored.hash))!.equals(content)).toBe(true);
  });

  test('stores the same content once, and puts it again without error', async () => {
    const store = make();
    const content = Buffer.from('%PDF-1.4 the same scan twice');
    const a = await store.put(content);
    const b = await store.put(Buffer.from(content));
    expect(b).toEqual(a);
    expect((await store.get(a.hash))!.toString()).toBe('%PDF-1.4 the same scan twice');
  });

  test('answers nothing for an unknown or malformed hash', async () => {
    const store = make();
    expect(await store.get('0'.repeat(64))).toBeUndefined();
    expect(await store.get('../../etc/passwd')).toBeUndefined();
    expect(await store.get('ABC')).toBeUndefined();
  });
});

test('the folder store writes under <folder>/<first two digits>/<hash> and refuses a changed file', async () => {
  const store = new FolderFileStore(folder);
  const { hash } = await store.put(Buffer.from('original'));
  const file = path.join(folder, hash.slice(0, 2), hash);
  expect((await fs.readFile(file)).toString()).toBe('original');
  await fs.writeFile(file, 'tampered');
  await expect(store.get(hash)).rejects.toThrow('does not match its hash');
  expect((await fs.readdir(path.join(folder, hash.slice(0, 2)))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('the PostgreSQL store refuses a row whose content no longer matches its hash', async () => {
  const rows = new Map<string, Buffer>();
  const store = new PostgresFileStore(fakeOrm(rows));
  const { hash } = await store.put(Buffer.from('original'));
  rows.set(hash, Buffer.from('tampered'));
  await expect(store.get(hash)).rejects.toThrow('does not match its hash');
});

test('config chooses the implementation', () => {
  const orm = fakeOrm(new Map());
  expect(createFileStore(orm, { kind: 'postgres' }).kind).toBe('postgres');
  expect(createFileStore(orm, { kind: 'folder', folder }).kind).toBe('folder');
  expect(() => createFileStore(orm, { kind: 'folder' })).toThrow('needs a folder');
  expect(sha256(Buffer.from(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});
