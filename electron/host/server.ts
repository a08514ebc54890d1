import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { resolve } from 'node:path';
import { createApiService } from '../services/api-service.ts';
import type { ApiError } from '../../shared/api/errors.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { resolveStaticFile } from './static-files.ts';
import { readPackageVersion } from './package-version.ts';

export interface HostOptions {
  rendererDir: string;
  dataFolder: string;
  defaultWorkshopFolder: string;
  /** 0 or absent: any free port. */
  port?: number;
  token?: string;
}

export interface RunningHost {
  /** http://127.0.0.1:PORT/#token=TOKEN — the token travels in the fragment, never to a log. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-journeyboard-token';
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The browser build's host: the same API service Electron uses, over HTTP bound to
 * 127.0.0.1. A per-run secret token guards the API against other local pages; the
 * Host and Origin checks stop DNS-rebinding and cross-site requests.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  const service = createApiService({
    dataFolder: options.dataFolder,
    defaultWorkshopFolder: options.defaultWorkshopFolder,
    appVersion: readPackageVersion(),
  });
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[journeyboard host]', error);
      if (!response.headersSent) sendJson(response, 500, failure('internal', 'The Journeyboard host failed to answer.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-store');

    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      return sendJson(response, 421, failure('invalid-request', 'This Journeyboard host only answers on 127.0.0.1.'));
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
        return sendJson(response, 403, failure('invalid-request', 'Requests from other sites are refused.'));
      }
      if (!tokenMatches(request.headers[TOKEN_HEADER], token)) {
        return sendJson(response, 401, failure('invalid-request', 'This page is not allowed to use Journeyboard: open the link printed by `npm run start:web`.'));
      }
      if (request.method !== 'POST') return sendJson(response, 405, failure('invalid-request', 'API calls are POST requests.'));
      const body = await readBody(request);
      if (body === 'too-large') return sendJson(response, 413, failure('invalid-request', 'That request is too large to process.'));
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(response, 400, failure('invalid-request', 'The request was not valid JSON.'));
      }
      return sendJson(response, 200, await service.call(decodeURIComponent(url.pathname.slice('/api/'.length)), input));
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, failure('invalid-request', 'Only GET is served here.'));
    }
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void response.end('Not found');
    }
    response.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        service.close();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function failure(code: ApiError['code'], message: string) {
  return { ok: false, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
