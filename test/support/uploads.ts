/**
 * Files and multipart forms for the tests of the counter and documents (issue 9): small PDFs,
 * JPEGs and PNGs (their first bytes are what the type check reads), a Windows program to rename,
 * a web client that posts files as a browser does, and a complete walk-in registration.
 */
import { renewalForm } from './scenario';
import type { Stack } from './stack';
import { type Page, WebClient } from './web-client';

/** A PDF of about `size` bytes; `mark` makes its content (and hash) its own. */
export function pdf(size = 1200, mark = 'a'): Buffer {
  return Buffer.concat([Buffer.from(`%PDF-1.4\n% ${mark}\n`), Buffer.alloc(Math.max(0, size - 20), 32), Buffer.from('\n%%EOF\n')]);
}
export function jpeg(size = 1200): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), Buffer.alloc(size, 7)]);
}
export function png(size = 1200): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size, 9)]);
}
/** The start of a Windows program (MZ header). */
export const exe = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(2000, 1)]);

export interface Upload {
  field: string;
  name: string;
  content: Buffer;
  type?: string;
}

/** The web client with multipart forms (files), as a browser sends them. */
export class UploadClient extends WebClient {
  postFiles(path: string, fields: Record<string, string>, files: Upload[]): Promise<Page> {
    const form = new FormData();
    if (this.csrf) form.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append(f.field, new Blob([new Uint8Array(f.content)], { type: f.type ?? 'application/pdf' }), f.name);
    return this.send(path, { method: 'POST', body: form });
  }
}

/** The value of a hidden input of a page. */
export const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? '';

/** Registers a complete walk-in renewal with its three documents as `web` (a signed-in receiver); returns its code. */
export async function walkIn(web: UploadClient, who: Parameters<typeof renewalForm>[0] = 'carHolderHanoi'): Promise<string> {
  const form = await web.get('/quay/tiep-nhan/GPLX-DOI');
  const sent = await web.postFiles(
    '/quay/tiep-nhan/GPLX-DOI',
    { ...renewalForm(who), requestId: hidden(form.text, 'requestId'), uploadToken: hidden(form.text, 'uploadToken') },
    [
      { field: 'doc_don-de-nghi', name: 'don.pdf', content: pdf(1000, who) },
      { field: 'doc_giay-kham-suc-khoe', name: 'kham.jpg', content: jpeg(), type: 'image/jpeg' },
      { field: 'doc_gplx-cccd', name: 'gplx.png', content: png(), type: 'image/png' },
    ],
  );
  if (sent.status !== 303) throw new Error(`walk-in registration answered ${sent.status}`);
  return decodeURIComponent(sent.location!.replace('/ho-so/', ''));
}

/** A signed-in official with the upload client. */
export async function signedIn(stack: Stack, username: string): Promise<UploadClient> {
  const web = new UploadClient(stack.baseUrl);
  await web.signIn(username);
  return web;
}
