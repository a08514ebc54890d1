import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Room } from './room.ts';
import { PARTICIPANT_CSS, PARTICIPANT_HTML, PARTICIPANT_SCRIPT } from './participant-page.ts';

/**
 * The participant server: a plain HTTP server on the interface the facilitator picked,
 * separate from the app's own API (electron/host/server.ts) and from Electron's IPC. It
 * serves one page, its script and style, and three calls (join, state, command), all
 * handed to the Room. Nothing else is routed: no app API, no file path, no directory.
 */

export interface RoomServerOptions {
  /** An address of this machine (from roomInterfaces); never a wildcard unless chosen. */
  address: string;
  /** 0: any free port. */
  port?: number;
  /** How long a phone's state request waits for news (shorter in tests). */
  pollMs?: number;
}

export interface RunningRoomServer {
  address: string;
  port: number;
  /** http://ADDRESS:PORT/ — what the QR and the short URL on the projector say. */
  url: string;
  close(): Promise<void>;
}

/** A command or a join is a few hundred bytes; anything larger is refused unread. */
export const MAX_BODY_BYTES = 4 * 1024;
const MAX_POLL_MS = 25_000;

const PARTICIPANT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const STATIC: Record<string, { type: string; body: string }> = {
  '/': { type: 'text/html; charset=utf-8', body: PARTICIPANT_HTML },
  '/participant.js': { type: 'text/javascript; charset=utf-8', body: PARTICIPANT_SCRIPT },
  '/participant.css': { type: 'text/css; charset=utf-8', body: PARTICIPANT_CSS },
};

export async function startRoomServer(room: Room, options: RoomServerOptions): Promise<RunningRoomServer> {
  const pollMs = Math.min(options.pollMs ?? MAX_POLL_MS, MAX_POLL_MS);
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, { ok: false, code: 'internal', message: 'The room could not answer.' });
      else response.destroy();
    });
  });
  // A phone that opens a connection and sends nothing does not hold it for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = MAX_POLL_MS + 10_000;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = 600;

  let allowedHost: string | null = null;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('Content-Security-Policy', PARTICIPANT_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Frame-Options', 'DENY');
    // Only the address the room was opened on: a page that rebinds its own domain to
    // this laptop (DNS rebinding) is not the room's page and gets nothing.
    if (allowedHost !== null && request.headers.host !== allowedHost) {
      return send(response, 421, { ok: false, code: 'wrong-host', message: 'Open the address shown on the screen.' });
    }
    const url = new URL(request.url ?? '/', 'http://room.invalid');
    const token = bearer(request.headers.authorization);

    if (request.method === 'GET' && Object.hasOwn(STATIC, url.pathname)) {
      const file = STATIC[url.pathname]!;
      response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': Buffer.byteLength(file.body) });
      return void response.end(file.body);
    }
    if (request.method === 'GET' && url.pathname === '/room/state') {
      const after = Number(url.searchParams.get('after') ?? '-1');
      const reply = await room.view(token, Number.isSafeInteger(after) ? after : -1, pollMs);
      return send(response, reply.status, reply.body);
    }
    if (request.method === 'POST' && (url.pathname === '/room/join' || url.pathname === '/room/command')) {
      // JSON only: a form on another site cannot post here without a CORS preflight.
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(response, 415, { ok: false, code: 'not-json', message: 'Send JSON.' });
      }
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `http://${request.headers.host}`) {
        return send(response, 403, { ok: false, code: 'other-site', message: 'Requests from other sites are refused.' });
      }
      const body = await readJson(request);
      if (body === 'too-large') {
        response.setHeader('Connection', 'close');
        return send(response, 413, { ok: false, code: 'too-large', message: 'That is too long to send.' });
      }
      if (body === 'malformed') return send(response, 400, { ok: false, code: 'malformed', message: 'That was not valid JSON.' });
      const reply = url.pathname === '/room/join' ? room.join(body.value) : room.command(token, body.value);
      return send(response, reply.status, reply.body);
    }
    send(response, 404, { ok: false, code: 'not-found', message: 'Nothing here.' });
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.address, () => done());
  });
  const bound = server.address();
  const port = typeof bound === 'object' && bound ? bound.port : 0;
  const host = options.address.includes(':') ? `[${options.address}]` : options.address;
  // On every network (0.0.0.0) phones may use any of the laptop's addresses.
  allowedHost = options.address === '0.0.0.0' || options.address === '::' ? null : `${host}:${port}`;

  return {
    address: options.address,
    port,
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        // The room answers the phones that are waiting with "closed" first, then the
        // sockets go: a page that was listening says the room is closed.
        room.close();
        setTimeout(() => {
          server.closeAllConnections();
          server.close(() => done());
        }, 150);
      }),
  };
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{16,64})$/.exec(header ?? '');
  return match?.[1];
}

function send(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<{ value: unknown } | 'too-large' | 'malformed'> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return 'malformed';
  }
}
