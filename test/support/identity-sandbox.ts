/**
 * The identity-provider sandbox (sandboxes/identity) as its own process, for the single sign-on
 * tests: oidc-provider is an ES module Jest cannot load, so it runs with tsx, and the test talks
 * to it over HTTP as the web does. And a small cross-site browser to walk its pages.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../config/paths';
import type { SandboxAccount } from '../../sandboxes/identity/accounts';
import { tsx } from './process';

/** A port free now (the identity provider's address must be known before the web starts). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface IdentityProcess {
  issuer: string;
  stop(): Promise<void>;
}

export interface IdentityProcessOptions {
  port: number;
  /** The web's public address: the client's redirect URI and post-logout address are built from it. */
  publicUrl: string;
  clientSecret: string;
  accounts: SandboxAccount[];
}

export async function startIdentityProcess(o: IdentityProcessOptions): Promise<IdentityProcess> {
  const issuer = `http://127.0.0.1:${o.port}`;
  const child: ChildProcess = spawn(tsx, [path.join(projectRoot, 'sandboxes', 'identity', 'main.ts')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      IDENTITY_SANDBOX_PORT: String(o.port),
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'motcua',
      OIDC_CLIENT_SECRET: o.clientSecret,
      OIDC_REDIRECT_URI: `${o.publicUrl}/dang-nhap/sso/callback`,
      PUBLIC_URL: o.publicUrl,
      IDENTITY_SANDBOX_ACCOUNTS: JSON.stringify(o.accounts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`identity sandbox did not start in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`identity sandbox exited (${code}):\n${output}`));
    });
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

interface Cookie {
  value: string;
  path: string;
}

export interface Visit {
  status: number;
  /** The address answered (after the redirects followed). */
  url: string;
  location: string | null;
  text: string;
}

/**
 * Plain HTTP as a browser does it across sites: cookies per host (with their paths, deleted when
 * expired), redirects followed one by one, forms posted where their `action` says.
 */
export class CrossSiteBrowser {
  private readonly jars = new Map<string, Map<string, Cookie>>();
  /** Every address visited, in order. */
  readonly visited: string[] = [];

  private jar(url: URL): Map<string, Cookie> {
    let jar = this.jars.get(url.hostname);
    if (!jar) this.jars.set(url.hostname, (jar = new Map()));
    return jar;
  }

  cookie(url: string, name: string): string | undefined {
    return [...this.jar(new URL(url)).entries()].find(([key]) => key.startsWith(`${name}\n`))?.[1].value;
  }

  /** One request, no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Visit> {
    const target = new URL(url);
    this.visited.push(`${init.method ?? 'GET'} ${url}`);
    const jar = this.jar(target);
    const cookie = [...jar.entries()]
      .filter(([, c]) => target.pathname.startsWith(c.path))
      .map(([key, c]) => `${key.split('\n')[0]}=${c.value}`)
      .join('; ');
    const response = await fetch(target, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((p) => p.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split('=').slice(1).join('=');
      const cookiePath = attribute('path') ?? '/';
      const maxAge = attribute('max-age');
      const expires = attribute('expires');
      const gone = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now());
      if (gone) jar.delete(`${name}\n${cookiePath}`);
      else jar.set(`${name}\n${cookiePath}`, { value, path: cookiePath });
    }
    const location = response.headers.get('location');
    return { status: response.status, url, location: location === null ? null : new URL(location, url).toString(), text: await response.text() };
  }

  /** Follows redirects from `url` until a page answers, or `stopAt` says a redirect's target is where to stop. */
  async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}, stopAt?: (target: string) => boolean): Promise<Visit> {
    let visit = await this.request(url, init);
    for (let hops = 0; visit.status >= 300 && visit.status < 400 && visit.location; hops++) {
      if (hops > 15) throw new Error(`too many redirects: ${this.visited.join(' → ')}`);
      if (stopAt?.(visit.location)) return visit;
      visit = await this.request(visit.location);
    }
    return visit;
  }

  /** Posts the page's first form with its hidden fields and `fields` (its action resolved against the page), following redirects. */
  submit(page: Visit, fields: Record<string, string>, stopAt?: (target: string) => boolean): Promise<Visit> {
    const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(page.text);
    if (!form) throw new Error(`no form on ${page.url}: ${page.text.slice(0, 300)}`);
    const hidden = Object.fromEntries(
      [...form[2].matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((m) => [/name="([^"]*)"/.exec(m[0])?.[1] ?? '', /value="([^"]*)"/.exec(m[0])?.[1] ?? '']),
    );
    return this.follow(new URL(form[1].replace(/&#38;/g, '&'), page.url).toString(), { method: 'POST', form: { ...hidden, ...fields } }, stopAt);
  }
}
