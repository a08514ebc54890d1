import { randomBytes, randomInt } from 'node:crypto';
import { applyChange, type Change } from '../../../shared/change/change.ts';
import { changeSchema } from '../../../shared/change/change-schema.ts';
import { recordMapOf, type RecordMap } from '../../../shared/model/record-map.ts';
import type { AnyRecord, Participant } from '../../../shared/model/records.ts';
import { newId } from '../../../shared/model/ids.ts';
import type { FileWatcher } from '../workshop-file.ts';
import { changeForCommand, joinSchema, participantCommandSchema, type InputCell } from './participant-commands.ts';
import { participantView } from './participant-view.ts';
import { TokenBucket } from './rate-limit.ts';

/**
 * The room on phones, without the network: join codes, per-participant tokens, the
 * limits, and the one path a phone's command takes into the file. The HTTP side
 * (room-server.ts) only moves bytes to and from here, so every rule is tested here
 * without a socket.
 */

/** The file the room writes to: WorkshopFile, or a fake in a test. */
export interface RoomFile {
  readRecords(): AnyRecord[];
  applyChange(change: Change): void;
  watch(watcher: FileWatcher): () => void;
}

export interface RoomLimits {
  /** Commands per participant: burst, then per second. */
  participantBurst: number;
  participantPerSecond: number;
  /** Commands of the whole room: burst, then per second. */
  roomBurst: number;
  roomPerSecond: number;
  /** Wrong codes per minute before joining pauses for everyone: guessing stays hopeless. */
  wrongCodesPerMinute: number;
  maxParticipants: number;
  /** Changes kept for the facilitator's board; one further behind reloads from the file. */
  feedLength: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  participantBurst: 20,
  participantPerSecond: 4,
  roomBurst: 400,
  roomPerSecond: 150,
  wrongCodesPerMinute: 30,
  maxParticipants: 200,
  feedLength: 5000,
};

/** The facilitator asks how a persona feels at a step. */
export interface EmotionAsk {
  stepId: string;
  personaId: string;
}

/** A reply to a phone: an HTTP status and a JSON body. */
export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

interface Session {
  participant: Participant;
  bucket: TokenBucket;
  /** Acknowledged command ids → their reply: a retry gets the same answer, nothing written. */
  done: Map<string, Reply>;
}

const PHONE_BATCH_MS = 150;

/** No 0/O, 1/I/L: read off a projector at 4 m and typed on a phone without doubt. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newJoinCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

const refuse = (status: number, code: string, message: string): Reply => ({ status, body: { ok: false, code, message } });

export class Room {
  readonly code = newJoinCode();
  private records: RecordMap;
  private input: InputCell | null;
  private showing: string | null = null;
  /** The emotion the room is asked about, and each participant's latest score. */
  private emotionAsk: EmotionAsk | null = null;
  private readonly scores = new Map<string, number>();
  private open = true;
  private readonly sessions = new Map<string, Session>();
  private readonly removed = new Set<string>();
  private readonly roomBucket: TokenBucket;
  private wrongCodes: { minute: number; count: number } = { minute: 0, count: 0 };
  private version = 0;
  private feed: { seq: number; change: Change }[] = [];
  private seq = 0;
  private waiters = new Set<() => void>();
  private readonly unwatch: () => void;
  private readonly limits: RoomLimits;

  private readonly file: RoomFile;
  private readonly afterChange: (() => void) | undefined;
  private readonly onClosed: (() => void) | undefined;

  constructor(
    file: RoomFile,
    options: { input: InputCell | null; limits?: Partial<RoomLimits>; afterChange?: () => void; onClosed?: () => void },
  ) {
    this.file = file;
    this.limits = { ...DEFAULT_ROOM_LIMITS, ...options.limits };
    this.input = options.input;
    this.records = recordMapOf(file.readRecords());
    this.roomBucket = new TokenBucket(this.limits.roomBurst, this.limits.roomPerSecond);
    this.afterChange = options.afterChange;
    this.onClosed = options.onClosed;
    this.unwatch = file.watch({
      // Every change in the file, the facilitator's too: a reveal or a renamed step
      // reaches the phones, and commands are checked against what the file holds.
      changed: (change) => {
        this.records = applyChange(this.records, change);
        // The asked cell's step or lane was deleted: the phones are asked nothing until
        // the facilitator asks again, rather than refused one by one.
        if (this.input && (change.removed[this.input.stepId] || change.removed[this.input.laneId])) this.input = null;
        this.pulse();
      },
      closed: () => this.close(),
    });
  }

  get isOpen(): boolean {
    return this.open;
  }

  get inputCell(): InputCell | null {
    return this.input;
  }

  get participantCount(): number {
    return this.sessions.size;
  }

  /** Who is in the room now, for the facilitator's list (never sent to a phone). */
  people(): { id: string; name: string }[] {
    return [...this.sessions.values()].map(({ participant }) => ({ id: participant.id, name: participant.name }));
  }

  currentRecords(): RecordMap {
    return this.records;
  }

  /** The stage the projector shows, so the phones can follow it (null: not presenting). */
  setShowing(stageId: string | null): void {
    if (this.showing === stageId) return;
    this.showing = stageId;
    this.pulse();
  }

  /** Asks the phones for an emotion score (or stops asking); earlier scores are dropped. */
  askEmotion(ask: EmotionAsk | null): void {
    this.emotionAsk = ask;
    this.scores.clear();
    this.pulse();
  }

  /** The scores so far: how many phones gave each of -3…+3, and their median. */
  emotionPoll(): (EmotionAsk & { counts: number[]; responses: number; median: number | null }) | null {
    if (!this.emotionAsk) return null;
    const values = [...this.scores.values()].sort((a, b) => a - b);
    const counts = [-3, -2, -1, 0, 1, 2, 3].map((score) => values.filter((v) => v === score).length);
    // The lower middle of an even count: a room split between -1 and 0 reads as -1, since
    // a friction the room half-feels is worth showing.
    const median = values.length === 0 ? null : values[Math.floor((values.length - 1) / 2)]!;
    return { ...this.emotionAsk, counts, responses: values.length, median };
  }

  /** The facilitator opens another cell for ideas (or none). */
  setInput(input: InputCell | null): void {
    this.input = input;
    this.pulse();
  }

  join(body: unknown): Reply {
    if (!this.open) return refuse(410, 'room-closed', 'The room is closed.');
    const minute = Math.floor(Date.now() / 60_000);
    if (this.wrongCodes.minute !== minute) this.wrongCodes = { minute, count: 0 };
    if (this.wrongCodes.count >= this.limits.wrongCodesPerMinute) return refuse(429, 'slow-down', 'Too many wrong codes: wait a minute and try again.');
    const parsed = joinSchema.safeParse(body);
    if (!parsed.success || parsed.data.code !== this.code) {
      this.wrongCodes.count++;
      return refuse(403, 'wrong-code', 'That is not the code on the screen.');
    }
    if (this.sessions.size >= this.limits.maxParticipants) return refuse(503, 'room-full', 'The room is full.');
    const token = randomBytes(24).toString('base64url');
    const participant: Participant = { id: newId('participant'), type: 'participant', name: parsed.data.name, joinedAt: new Date().toISOString() };
    this.sessions.set(token, { participant, bucket: new TokenBucket(this.limits.participantBurst, this.limits.participantPerSecond), done: new Map() });
    this.pulse();
    return { status: 200, body: { ok: true, token, participantId: participant.id, name: participant.name } };
  }

  /** A phone's command: checked, turned into one Change, written, acknowledged once. */
  command(token: string | undefined, body: unknown): Reply {
    const session = this.sessionOf(token);
    if ('status' in session) return session;
    if (!session.bucket.take() || !this.roomBucket.take()) return refuse(429, 'slow-down', 'Slow down a little: too many at once.');
    const parsed = participantCommandSchema.safeParse(body);
    if (!parsed.success) return refuse(400, 'not-allowed', `That is not something a phone can ask: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
    const known = session.done.get(parsed.data.commandId);
    if (known) return known;
    const { command } = parsed.data;
    if (command.kind === 'score') {
      if (!this.emotionAsk) return refuse(409, 'refused', 'The facilitator is not asking for a score right now.');
      this.scores.set(session.participant.id, command.score);
      this.pulse();
      return { status: 200, body: { ok: true, commandId: parsed.data.commandId } };
    }
    const outcome = changeForCommand(this.records, session.participant, parsed.data, this.input, new Date().toISOString());
    if (outcome.kind === 'refused') return refuse(409, 'refused', outcome.message);
    if (outcome.kind === 'change') {
      // The same schema the facilitator's own saves pass (workshop-apply-change).
      const valid = changeSchema.safeParse(outcome.change);
      if (!valid.success) return refuse(400, 'invalid', valid.error.issues[0]?.message ?? 'invalid');
      try {
        this.file.applyChange(outcome.change);
      } catch (error) {
        return refuse(503, 'not-saved', `Not saved: ${(error as Error).message}`);
      }
      this.afterChange?.();
      this.seq++;
      this.feed.push({ seq: this.seq, change: outcome.change });
      if (this.feed.length > this.limits.feedLength) this.feed = this.feed.slice(-this.limits.feedLength);
      this.pulse();
    }
    const reply: Reply = { status: 200, body: { ok: true, commandId: parsed.data.commandId, recordId: outcome.recordId } };
    session.done.set(parsed.data.commandId, reply);
    return reply;
  }

  /** The phone's view, as soon as it differs from `after` or when `waitMs` runs out. */
  async view(token: string | undefined, after: number, waitMs: number): Promise<Reply> {
    const first = this.sessionOf(token);
    if ('status' in first) return first;
    if (this.version <= after && this.open) {
      await this.nextPulse(waitMs);
      // A burst of news (fifty phones adding at once) becomes one answer per phone, not
      // fifty: the Wi-Fi carries a view every PHONE_BATCH_MS at most.
      if (this.open) await new Promise((done) => setTimeout(done, PHONE_BATCH_MS));
    }
    const session = this.sessions.get(token ?? '');
    if (!session) return this.open ? refuse(401, 'not-joined', 'Join the room again.') : this.closedReply();
    return { status: 200, body: { ok: true, view: participantView(this.records, session.participant, this.input, {
          open: this.open,
          version: this.version,
          showing: this.showing,
          emotion: this.emotionAsk ? { ...this.emotionAsk, myScore: this.scores.get(session.participant.id) ?? null } : null,
        }) } };
  }

  /** The participants' changes after `after`, for the facilitator's board (long-poll). */
  async changesAfter(after: number, waitMs: number, version?: number): Promise<{ seq: number; version: number; changes: Change[]; reload: boolean; open: boolean; participants: number }> {
    // With the room's version, any news answers (a join, a score), not only changes.
    const news = () => this.seq > after || (version !== undefined && this.version > version);
    if (!news() && this.open) await this.nextPulse(waitMs);
    const first = this.feed[0]?.seq ?? this.seq + 1;
    // Further behind than the feed reaches (or ahead of a newer room): the board reloads.
    const reload = after > this.seq || (after < first - 1 && this.seq > after);
    const changes = reload ? [] : this.feed.filter((entry) => entry.seq > after).map((entry) => entry.change);
    return { seq: this.seq, version: this.version, changes, reload, open: this.open, participants: this.sessions.size };
  }

  /** The facilitator removes a participant: its token stops working; its cards stay. */
  removeParticipant(participantId: string): boolean {
    for (const [token, session] of this.sessions) {
      if (session.participant.id !== participantId) continue;
      this.sessions.delete(token);
      this.removed.add(token);
      this.pulse();
      return true;
    }
    return false;
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.unwatch();
    this.pulse();
    this.onClosed?.();
  }

  private sessionOf(token: string | undefined): Session | Reply {
    if (!this.open) return this.closedReply();
    const session = token ? this.sessions.get(token) : undefined;
    if (session) return session;
    if (token && this.removed.has(token)) return refuse(403, 'removed', 'The facilitator removed you from the room.');
    return refuse(401, 'not-joined', 'Join the room with the code on the screen first.');
  }

  private closedReply(): Reply {
    return { status: 410, body: { ok: false, code: 'room-closed', message: 'The room is closed.', view: { room: 'closed' } } };
  }

  private pulse(): void {
    this.version++;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  private nextPulse(waitMs: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        done();
      }, waitMs);
      const wake = () => {
        clearTimeout(timer);
        done();
      };
      this.waiters.add(wake);
    });
  }
}
