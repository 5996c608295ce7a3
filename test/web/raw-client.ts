/**
 * A client for sending what a browser's form would not: repeated keys, JSON or multipart bodies
 * to form routes, nothing at all. Keeps cookies and the last page's CSRF token like WebClient,
 * and sends the token as a header too, so a body of any kind gets past the CSRF check.
 */
import { type Page, WebClient } from '../support/web-client';

export type RawBody =
  | { form: [string, string][] }
  | { json: unknown }
  | { multipart: Record<string, string> }
  /** Bytes as they are, with the content type and other headers given (none: no content type). */
  | { raw: string | Buffer; type?: string; headers?: Record<string, string> }
  | { none: true };

export class RawClient extends WebClient {
  /** Sends `body` as it is; the CSRF token goes as a header too, so any kind of body gets past the check. */
  request(method: string, path: string, body: RawBody = { none: true }): Promise<Page> {
    const headers: Record<string, string> = this.csrf ? { 'x-csrf-token': this.csrf } : {};
    let payload: string | FormData | Uint8Array | undefined;
    if ('form' in body) {
      const params = new URLSearchParams(body.form);
      if (this.csrf && !body.form.some(([k]) => k === '_csrf')) params.append('_csrf', this.csrf);
      payload = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if ('json' in body) {
      payload = JSON.stringify(body.json);
      headers['content-type'] = 'application/json';
    } else if ('multipart' in body) {
      const data = new FormData();
      for (const [k, v] of Object.entries(body.multipart)) data.append(k, v);
      payload = data;
    } else if ('raw' in body) {
      payload = typeof body.raw === 'string' ? body.raw : new Uint8Array(body.raw);
      if (body.type) headers['content-type'] = body.type;
      Object.assign(headers, body.headers);
    }
    return this.send(path, { method, headers, body: payload });
  }

  /** Posts a body a form would not send (repeated keys, JSON, multipart, nothing). */
  postBody(path: string, body: RawBody): Promise<Page> {
    return this.request('POST', path, body);
  }
}
