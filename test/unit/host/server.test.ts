import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../../electron/host/server.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

let host: RunningHost;
let folder: string;

beforeAll(async () => {
  folder = tempFolder();
  const rendererDir = join(folder, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Journeyboard</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(folder, 'secret.txt'), 'not for the browser');
  host = await startHost({ rendererDir, dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, port: 0 });
});
afterAll(() => host.close());

/** Raw HTTP, so the test can send the headers a browser would not. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}
const callApi = (name: string, input: unknown) =>
  send(`/api/${name}`, { method: 'POST', headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' }, body: JSON.stringify(input) }).then(
    (r) => JSON.parse(r.body),
  );

describe('the browser-build host', () => {
  it('listens on the loopback address and hands out the token only in the URL fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
  });

  it('serves the app with the strict content security policy', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Journeyboard</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect((await send('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('never serves a file outside the app folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const response = await send(path);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('not for the browser');
    }
  });

  it('refuses API calls without the token', async () => {
    const response = await send('/api/recent-list', { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses a request addressed to another host name (DNS rebinding) or from another site', async () => {
    expect((await send('/', { headers: { host: `evil.example:${host.port}` } })).status).toBe(421);
    const crossSite = await send('/api/recent-list', {
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
  });

  it('answers malformed JSON with a typed error', async () => {
    const response = await send('/api/workshop-open', { method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body: '{nope' });
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'invalid-request', message: 'The request was not valid JSON.' } });
  });

  it('runs the real service: create, change, read back', async () => {
    const path = join(folder, 'web.journey');
    const created = await callApi('workshop-create', { path, name: 'From the browser' });
    expect(created.ok).toBe(true);
    const journey = created.value.records.find((r: { type: string }) => r.type === 'journey');
    const stage = { id: 'stage:web00001', type: 'stage', journeyId: journey.id, name: 'Aware', position: 'a0', owner: '' };
    expect(await callApi('workshop-apply-change', { change: { added: { [stage.id]: stage }, updated: {}, removed: {} } })).toMatchObject({ ok: true });
    const read = await callApi('workshop-read', {});
    expect(read.value.records).toContainEqual(stage);
    expect(await callApi('no-such-call', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });
});
