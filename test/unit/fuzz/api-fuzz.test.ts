import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import { API_NAMES } from '../../../shared/api/contract.ts';
import { API_ERROR_CODES } from '../../../shared/api/errors.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';
import { FUZZ_RUNS, fuzzOptions } from './fuzz-runs.ts';

// Every API call with inputs an attacker or a broken page could send: no call throws,
// none answers "internal", and no file appears that the input did not name.
const root = tempFolder('journeyboard-fuzz-');
const workshops = join(root, 'Workshops');
mkdirSync(workshops, { recursive: true });
const api = createApiService({ dataFolder: join(root, 'data'), defaultWorkshopFolder: workshops, appVersion: '0.0.0-fuzz' });
afterAll(() => api.close());

const existing = join(root, 'existing.csv');
writeFileSync(existing, 'kept,as,it,was\n');
const fifo = join(root, 'pipe.journey');
execFileSync('mkfifo', [fifo]);
const notJson = join(root, 'notes.json');
writeFileSync(notJson, '{"format":"journeyboard-workshop","fileFormatVersion":1,"records":[{"type":"card"}]}');

const paths = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(
    'Workshop.journey',
    '../../etc/x.journey',
    '/dev/null',
    '/dev/zero',
    fifo,
    existing,
    notJson,
    root,
    join(workshops, 'New.journey'),
    join(workshops, 'New.csv'),
    join(workshops, 'New.json'),
    join(workshops, 'New.pptx'),
    join(workshops, 'New.png'),
    join(root, 'missing-folder', 'x.journey'),
    `${join(workshops, 'nul')}\0.journey`,
  ) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const fields = {
  path: paths,
      sourcePath: paths,
      name: fc.oneof(fc.constant('Renewal workshop'), fc.string({ maxLength: 30 })),
      table: fc.constantFrom('cards', 'priorities', 'x'),
      replaceExisting: fc.boolean(),
      readOnly: fc.boolean(),
      template: fc.constantFrom('blank', 'blank', 'b2b-buying', 'nope'),
      jobId: fc.constantFrom('job-0001', '../x', ''),
      png: fc.constantFrom('iVBORw0KGgoAAAA=', 'not a png'),
      overviews: fc.constantFrom([], [{ journeyId: 'journey:zz', png: 'x' }]),
      records: fc.constantFrom([], [{ type: 'card' }]),
      change: fc.anything({ maxDepth: 2 }),
      backupId: fc.constantFrom('0123456789abcdef/2026-11-23T00-00-00-000Z', '../../etc/passwd'),
};
// Whole requests (every field present, the schemas pass more often) and partial or garbled ones.
const input = fc.oneof(fc.anything({ maxDepth: 3 }), fc.record(fields), fc.record(fields), fc.record(fields, { requiredKeys: [] }));

/** Every file and folder below the fuzz root, except the app's own data folder. */
function filesBelow(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (path === join(root, 'data')) continue;
    found.push(path);
    if (statSync(path).isDirectory() && !name.endsWith('.lock')) found.push(...filesBelow(path));
  }
  return found;
}

describe('every API call under generated input', () => {
  it(`answers ${FUZZ_RUNS} requests with a value, never "internal", writing only files the input named`, async () => {
    const cwdBefore = readdirSync(process.cwd()).sort();
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...API_NAMES) }, { weight: 1, arbitrary: fc.constantFrom('drop-everything', '__proto__', 'constructor') }), input, async (name, body) => {
        const before = new Set(filesBelow(root));
        const result = await api.call(name, body);
        expect(typeof result.ok).toBe('boolean');
        const outcome = result.ok ? 'ok' : result.error.code;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (!result.ok) {
          expect(API_ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('internal');
          expect(result.error.message.length).toBeGreaterThan(10);
        }
        const named = body && typeof body === 'object' ? [(body as { path?: unknown }).path] : [];
        for (const path of filesBelow(root)) {
          if (before.has(path)) continue;
          const allowed = named.some((n) => typeof n === 'string' && (path === n || path.startsWith(`${n}.lock`) || path.startsWith(`${n}-journal`)));
          expect(allowed, `${relative(root, path)} was written by ${name} ${JSON.stringify(body).slice(0, 200)}`).toBe(true);
        }
      }),
      fuzzOptions(),
    );
    expect(readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
    // The inputs reach past the schemas: some succeed, some are refused for what they name.
    console.log('[fuzz] outcomes', Object.fromEntries(outcomes));
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(FUZZ_RUNS / 20);
    expect((outcomes.get('not-a-workshop') ?? 0) + (outcomes.get('not-found') ?? 0)).toBeGreaterThan(0);
  }, 600_000);
});
