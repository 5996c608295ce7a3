/**
 * A minimal browser for HTTP tests: keeps cookies, and sends back the CSRF token of the last
 * page it loaded, as a form would.
 */
export interface Page {
  status: number;
  location: string | null;
  text: string;
  contentType: string | null;
  /** Every header of the answer (Cache-Control and the like); set by WebClient, absent on pages built by hand. */
  headers?: Headers;
}

export class WebClient {
  private cookies = new Map<string, string>();
  /** The CSRF token of the last page that carried one. */
  protected csrf?: string;

  constructor(private readonly baseUrl: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Sends with the session's cookies; keeps the cookies and CSRF token the answer carries. */
  protected async send(path: string, init: RequestInit): Promise<Page> {
    const response = await fetch(this.baseUrl + path, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      this.cookies.set(name.trim(), value);
    }
    const text = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, location: response.headers.get('location'), text, contentType: response.headers.get('content-type'), headers: response.headers };
  }

  get(path: string): Promise<Page> {
    return this.send(path, { method: 'GET' });
  }

  /** A download (PDF) with the session's cookies. */
  async download(path: string): Promise<{ status: number; contentType: string | null; headers: Headers; body: Buffer }> {
    const response = await fetch(this.baseUrl + path, { headers: { cookie: this.cookieHeader() }, redirect: 'manual' });
    return { status: response.status, contentType: response.headers.get('content-type'), headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  /** Posts a form with the current CSRF token (unless `_csrf` is given, or `withCsrf` is false). */
  post(path: string, fields: Record<string, string>, withCsrf = true): Promise<Page> {
    const body = new URLSearchParams({ ...(withCsrf && this.csrf ? { _csrf: this.csrf } : {}), ...fields });
    return this.send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  }

  async signIn(username: string, password = 'motcua-demo'): Promise<Page> {
    await this.get('/dang-nhap');
    return this.post('/dang-nhap', { username, password });
  }
}

/** Text content without tags, for assertions on what a person reads. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
