/** HTTP plumbing shared by the sandboxes: body validation, JSON errors, listening and stopping. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorRequestHandler, Express, Request, Response } from 'express';
import type { z } from 'zod';

/** Validates a JSON body; on failure answers 400 with one message per field and returns undefined. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request, res: Response): z.output<S> | undefined {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'body'] ??= issue.message;
  sendInvalid(res, fields);
  return undefined;
}

/** 400 with one message per field, the shape every sandbox endpoint uses. */
export function sendInvalid(res: Response, fields: Record<string, string>): void {
  res.status(400).json({ error: 'invalid_request', fields });
}

/** Malformed JSON and unexpected errors answer JSON, never an HTML stack trace. */
export const jsonErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status: number = error?.status >= 400 && error?.status < 500 ? error.status : 500;
  if (status === 500) console.error(error);
  res.status(status).json(status === 500 ? { error: 'internal_error' } : { error: 'invalid_request', message: error.message });
};

export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

export interface ListenAddress {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
}

/** Listens on `address`; `close()` runs `release` (pending timers), then drops open connections. */
export async function listen(app: Express, address: ListenAddress, release: () => void): Promise<RunningSandbox> {
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        release();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** For a sandbox run as its own process: one line with its URL, a clean exit on SIGINT or SIGTERM. */
export function runUntilSignalled(name: string, running: RunningSandbox): void {
  console.log(`${name} listening on ${running.url}`);
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
