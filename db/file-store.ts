/**
 * Where the bytes of uploaded documents live (issue 9), behind one interface so an object store
 * can replace either implementation: content-addressed by SHA-256 (the same scan stored twice is
 * kept once, and a row's hash proves its content was not changed). `put` is idempotent.
 *
 * - PostgresFileStore (default): table `stored_file` (bytea), backed up with the database.
 * - FolderFileStore: files under a folder of the data directory (`<dir>/<aa>/<hash>`), written
 *   to a temporary name then renamed, so a crash never leaves half a file under its hash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Orm } from './orm';

export interface StoredFile {
  /** SHA-256 of the content, 64 hex digits. */
  hash: string;
  size: number;
}

export interface FileStore {
  readonly kind: 'postgres' | 'folder';
  /** Stores the content (once per content) and returns its hash. */
  put(content: Buffer): Promise<StoredFile>;
  /** The content stored under `hash`, checked against it; undefined when there is none. */
  get(hash: string): Promise<Buffer | undefined>;
}

export function sha256(content: Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}

const HASH = /^[0-9a-f]{64}$/;

/** Content read back that no longer matches its hash is refused, never served. */
function verified(hash: string, content: Buffer): Buffer {
  if (sha256(content) !== hash) throw new Error(`stored file ${hash.slice(0, 12)}… does not match its hash`);
  return content;
}

export class PostgresFileStore implements FileStore {
  readonly kind = 'postgres' as const;
  constructor(private readonly orm: Orm) {}

  async put(content: Buffer): Promise<StoredFile> {
    const hash = sha256(content);
    await this.orm.em
      .fork()
      .getConnection()
      .execute(`insert into stored_file (hash, size, content) values (?, ?, ?) on conflict (hash) do nothing`, [hash, content.length, content]);
    return { hash, size: content.length };
  }

  async get(hash: string): Promise<Buffer | undefined> {
    if (!HASH.test(hash)) return undefined;
    const rows = await this.orm.em.fork().getConnection().execute<{ content: Buffer }[]>(`select content from stored_file where hash = ?`, [hash]);
    return rows.length ? verified(hash, Buffer.from(rows[0].content)) : undefined;
  }
}

export class FolderFileStore implements FileStore {
  readonly kind = 'folder' as const;
  constructor(readonly folder: string) {}

  private pathOf(hash: string): string {
    return path.join(this.folder, hash.slice(0, 2), hash);
  }

  async put(content: Buffer): Promise<StoredFile> {
    const hash = sha256(content);
    const target = this.pathOf(hash);
    try {
      await fs.access(target);
      return { hash, size: content.length };
    } catch {
      // not there yet
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temporary, content, { flag: 'wx' });
    await fs.rename(temporary, target);
    return { hash, size: content.length };
  }

  async get(hash: string): Promise<Buffer | undefined> {
    if (!HASH.test(hash)) return undefined;
    try {
      return verified(hash, await fs.readFile(this.pathOf(hash)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

export interface FileStoreSettings {
  kind: 'postgres' | 'folder';
  /** The folder of the folder store. */
  folder?: string;
}

export function createFileStore(orm: Orm, settings: FileStoreSettings): FileStore {
  if (settings.kind === 'folder') {
    if (!settings.folder) throw new Error('the folder file store needs a folder');
    return new FolderFileStore(settings.folder);
  }
  return new PostgresFileStore(orm);
}
