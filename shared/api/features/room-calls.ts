import { z } from 'zod';
import type { Change } from '../../change/change.ts';

/**
 * The room on phones, as the facilitator's window drives it: open and close the
 * participant server, say which cell takes ideas, and hear the participants' changes.
 * These are calls of the app's own API (IPC or the loopback host); the phones never
 * reach them — they talk to the separate participant server only.
 */
const recordId = (type: string) => z.string().regex(new RegExp(`^${type}:[0-9a-z]{4,32}$`), `must be a ${type} id`);
const inputCell = z.object({ stepId: recordId('step'), laneId: recordId('lane') }).nullable();

export const roomCalls = {
  'room-interfaces': z.object({}),
  /** Opens the room on one address of this machine; the cell (or none) takes ideas. */
  'room-open': z.object({
    address: z.string().min(2).max(64),
    port: z.number().int().min(0).max(65535).optional(),
    input: inputCell,
  }),
  'room-close': z.object({}),
  'room-status': z.object({}),
  'room-ask': z.object({ input: inputCell }),
  /**
   * The participants' changes after `after` (a long-poll: answered at once when there
   * are some, else when one arrives or `waitMs` runs out). One call serves both
   * transports, so Electron and the browser build get the same live board.
   */
  'room-changes': z.object({ after: z.number().int().min(0), waitMs: z.number().int().min(0).max(25_000), version: z.number().int().min(0).optional() }),
  'room-remove-participant': z.object({ participantId: recordId('participant') }),
  /** Asks the phones how a persona feels at a step (null: stop asking). */
  'room-ask-emotion': z.object({ ask: z.object({ stepId: recordId('step'), personaId: recordId('persona') }).nullable() }),
  /** The stage the projector shows (null: not presenting), for the phones to follow. */
  'room-show': z.object({ stageId: recordId('stage').nullable() }),
} as const;

export interface RoomInterfaceInfo {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  internal: boolean;
}

export type RoomStatus =
  | { open: false }
  | {
      open: true;
      /** http://ADDRESS:PORT/ — the short URL on the projector. */
      url: string;
      /** The URL with the code in its fragment: what the QR holds. */
      joinUrl: string;
      code: string;
      qr: { size: number; path: string };
      address: string;
      participants: number;
      /** Who joined, so the facilitator can remove one; an empty name is anonymous. */
      people: { id: string; name: string }[];
      input: { stepId: string; laneId: string } | null;
      question: string | null;
      /** The emotion the phones are asked for, and their answers so far (-3…+3 counts). */
      emotion: { stepId: string; personaId: string; counts: number[]; responses: number; median: number | null } | null;
    };

export interface RoomFeed {
  /** Pass as `after` next time. */
  seq: number;
  /** Pass as `version` next time: any news in the room (a join, a score) answers then. */
  version: number;
  changes: Change[];
  /** The board is further behind than the room remembers: read the file again. */
  reload: boolean;
  status: RoomStatus;
}

export interface RoomValues {
  'room-interfaces': RoomInterfaceInfo[];
  'room-open': RoomStatus;
  'room-close': RoomStatus;
  'room-status': RoomStatus;
  'room-ask': RoomStatus;
  'room-changes': RoomFeed;
  'room-remove-participant': RoomStatus;
  'room-show': RoomStatus;
  'room-ask-emotion': RoomStatus;
}
