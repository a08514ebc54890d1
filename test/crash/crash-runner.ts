import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import { changeFrom } from '../../shared/change/change.ts';
import { newStage, newStep } from '../../shared/model/record-factories.ts';
import type { ChildLine } from './crash-child.ts';

/**
 * `npm run test:crash [trials]`: kills a process that is saving to a workshop with
 * SIGKILL at random moments, then checks the file. A trial passes when the file is
 * intact (integrity_check), holds every save the process acknowledged, and holds the
 * save in flight wholly or not at all. The same file goes on to the next trial, so the
 * next process opens a crashed file the way the app does (WorkshopFile.open settles a
 * leftover journal), and what it reads must be what the check found; some kills land
 * inside that opening. A trial that fails starts the next one on a fresh file.
 */
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
/** Up to this long after the process is ready to save; saves take a few ms each. */
const KILL_WITHIN_MS = 300;
/** A share of the kills land while the process opens the crashed file (tens of ms). */
const EARLY_KILLS = 0.15;
const EARLY_WITHIN_MS = 40;
const FRESH_FILE_EVERY = 25;

export interface TrialsResult {
  passed: number;
  failed: number;
  failures: string[];
  /** Trials whose kill left a journal beside the file: a save was cut short. */
  cutShort: number;
  /** Trials killed while opening the crashed file, before it was ready to save. */
  whileOpening: number;
}

type Cards = Map<string, string>;

export async function runCrashTrials(trials: number, seed = Date.now() >>> 0, log: (line: string) => void = () => {}): Promise<TrialsResult> {
  const folder = mkdtempSync(join(tmpdir(), 'jb-crash-'));
  let random = seed;
  const next = () => {
    random = (random * 1664525 + 1013904223) >>> 0;
    return random / 2 ** 32;
  };
  const result: TrialsResult = { passed: 0, failed: 0, failures: [], cutShort: 0, whileOpening: 0 };
  let files = 0;
  let path = '';
  let known: Cards = new Map();
  try {
    for (let trial = 0; trial < trials; trial++) {
      if (trial % FRESH_FILE_EVERY === 0 || path === '') ({ path, known } = freshWorkshop(folder, files++));
      const childSeed = Math.floor(next() * 2 ** 32);
      const early = next() < EARLY_KILLS;
      const delay = next() * (early ? EARLY_WITHIN_MS : KILL_WITHIN_MS);
      const problem = await trialOn(path, known, childSeed, early, delay, join(folder, 'recovery'));
      if (problem.ok) {
        result.passed++;
        known = problem.found;
        if (problem.cutShort) result.cutShort++;
        if (!problem.ready) result.whileOpening++;
      } else {
        result.failed++;
        const kept = keep(path, join(tmpdir(), `jb-crash-failures-${seed}`, `trial-${trial + 1}`));
        const line = `trial ${trial + 1} (seed ${seed}, child seed ${childSeed}, ${early ? 'early ' : ''}kill at ${delay.toFixed(0)} ms): ${problem.reason} (the file as it was left is kept in ${kept})`;
        result.failures.push(line);
        log(`FAILED ${line}`);
        path = '';
      }
      if ((trial + 1) % 20 === 0) log(`${trial + 1} trials: ${result.passed} passed, ${result.failed} failed`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return result;
}

/** The workshop, its journal and its lock folder as the failure left them, to look at. */
function keep(path: string, folder: string): string {
  mkdirSync(folder, { recursive: true });
  for (const item of [path, `${path}-journal`, `${path}.lock`]) {
    if (existsSync(item)) cpSync(item, join(folder, basename(item)), { recursive: true });
  }
  return folder;
}

function freshWorkshop(folder: string, n: number): { path: string; known: Cards } {
  const path = join(folder, `crash-${n}.journey`);
  const file = WorkshopFile.create(path, 'Crash test', { replaceExisting: false });
  const records = Object.fromEntries(file.readRecords().map((r) => [r.id, r]));
  const journey = Object.values(records).find((r) => r.type === 'journey')!;
  const stage = newStage({ journeyId: journey.id, name: 'Buy', position: 'a0' });
  const steps = ['a0', 'a1', 'a2'].map((position, i) => newStep({ stageId: stage.id, name: `Step ${i + 1}`, position }));
  file.applyChange(changeFrom(records, { put: [stage, ...steps] }));
  file.close();
  return { path, known: new Map() };
}

type Trial = { ok: true; found: Cards; cutShort: boolean; ready: boolean } | { ok: false; reason: string };

async function trialOn(path: string, known: Cards, childSeed: number, early: boolean, delay: number, recovery: string): Promise<Trial> {
  const child = spawn(process.execPath, [CHILD, path, String(childSeed), recovery], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  let killTimer: NodeJS.Timeout | undefined;
  const kill = () => child.kill('SIGKILL');
  const startsTheClock = early ? '"opening"' : '"ready"';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (killTimer === undefined && (output + chunk).includes(startsTheClock)) killTimer = setTimeout(kill, delay);
    output += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  clearTimeout(killTimer);

  // A kill can cut the last line short: it was never a complete acknowledgement.
  const parsed: ChildLine[] = [];
  for (const line of output.split('\n').filter(Boolean)) {
    try {
      parsed.push(JSON.parse(line) as ChildLine);
    } catch {
      break;
    }
  }
  const refused = parsed.find((l): l is Extract<ChildLine, { refused: string }> => 'refused' in l);
  if (refused) {
    const intact = readCards(path);
    const state = 'error' in intact ? intact.error : `yet SQLite finds it intact with ${sameCards(intact.cards, known) ? 'every' : 'NOT every'} saved card`;
    return { ok: false, reason: `the app refused to reopen the crashed file (${refused.refused}: ${refused.message}), ${state}${lockState(path)}` };
  }
  if (signal !== 'SIGKILL') return { ok: false, reason: `the process ended by itself (code ${code}) before it was killed: ${errors.trim().slice(-600)}` };
  const ready = parsed.find((l): l is Extract<ChildLine, { ready: true }> => 'ready' in l);
  if (ready && !sameCards(new Map(Object.entries(ready.cards)), known)) {
    return { ok: false, reason: `opening the crashed file gave ${Object.keys(ready.cards).length} cards, not the ${known.size} the check found: ${difference(new Map(Object.entries(ready.cards)), known)}` };
  }
  const acknowledged = new Map(known);
  let inFlight: Extract<ChildLine, { begin: number }> | undefined;
  for (const line of parsed) {
    if ('begin' in line) inFlight = line;
    else if ('ack' in line && inFlight?.begin === line.ack) {
      apply(acknowledged, inFlight);
      inFlight = undefined;
    }
  }
  const withInFlight = new Map(acknowledged);
  if (inFlight) apply(withInFlight, inFlight);

  const read = readCards(path);
  if ('error' in read) return { ok: false, reason: read.error };
  const ok = { ok: true, found: read.cards, cutShort: read.cutShort, ready: Boolean(ready) } as const;
  if (sameCards(read.cards, acknowledged) || (inFlight && sameCards(read.cards, withInFlight))) return ok;
  return { ok: false, reason: `the file holds neither the acknowledged saves${inFlight ? ` nor them with save ${inFlight.begin} in flight` : ''}: ${difference(read.cards, acknowledged)}` };
}

function lockState(path: string): string {
  const lock = `${path}.lock`;
  if (!existsSync(lock)) return '';
  return `; the lock folder beside it holds ${readdirSync(lock).join(', ') || 'nothing (no holder is named)'}`;
}

function apply(cards: Cards, change: Extract<ChildLine, { begin: number }>): void {
  for (const id of change.removed) cards.delete(id);
  for (const [id, text] of [...Object.entries(change.added), ...Object.entries(change.updated)]) cards.set(id, text);
}

/**
 * The cards as SQLite finds them after the crash, without writing to the workshop: the
 * file read-only, or, when the kill left a hot journal (which a read-only connection
 * cannot roll back), a copy of both rolled back the way any SQLite opening it would.
 */
function readCards(path: string): { cards: Cards; cutShort: boolean } | { error: string } {
  const journal = `${path}-journal`;
  const cutShort = existsSync(journal);
  let target = path;
  if (cutShort) {
    const scratch = mkdtempSync(join(tmpdir(), 'jb-crash-check-'));
    target = join(scratch, 'copy.journey');
    copyFileSync(path, target);
    copyFileSync(journal, `${target}-journal`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(target, { readonly: !cutShort, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { error: `integrity_check says: ${String(integrity)}` };
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length) return { error: `${orphans.length} rows refer to missing records` };
    const rows = db.prepare('SELECT id, text FROM card').all() as { id: string; text: string }[];
    return { cards: new Map(rows.map((r) => [r.id, r.text])), cutShort };
  } catch (error) {
    return { error: `SQLite could not read the file: ${(error as Error).message}` };
  } finally {
    db?.close();
    if (cutShort) rmSync(join(target, '..'), { recursive: true, force: true });
  }
}

function sameCards(a: Cards, b: Cards): boolean {
  if (a.size !== b.size) return false;
  for (const [id, text] of a) if (b.get(id) !== text) return false;
  return true;
}

function difference(found: Cards, expected: Cards): string {
  const missing = [...expected.keys()].filter((id) => !found.has(id));
  const extra = [...found.keys()].filter((id) => !expected.has(id));
  const changed = [...expected.keys()].filter((id) => found.has(id) && found.get(id) !== expected.get(id));
  return `${missing.length} missing, ${extra.length} unexpected, ${changed.length} with other text (e.g. ${[...missing, ...extra, ...changed].slice(0, 3).join(', ')})`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const trials = Number(process.argv[2] ?? process.env.CRASH_TRIALS ?? 200);
  if (!Number.isInteger(trials) || trials < 1) throw new Error(`trials must be a whole number above 0, not ${process.argv[2] ?? process.env.CRASH_TRIALS}`);
  const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) >>> 0 : Date.now() >>> 0;
  console.log(`${trials} crash trials (CRASH_SEED=${seed})…`);
  const start = performance.now();
  const result = await runCrashTrials(trials, seed, (line) => console.log(line));
  for (const failure of result.failures) console.log(`  ${failure}`);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`${result.passed} passed, ${result.failed} failed (${result.cutShort} kills cut a save short, ${result.whileOpening} landed while opening; ${seconds} s)`);
  process.exitCode = result.failed > 0 ? 1 : 0;
}
