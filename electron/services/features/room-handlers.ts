import { networkInterfaces } from 'node:os';
import type { FeatureHandlers } from '../../../shared/api/contract.ts';
import type { RoomStatus, RoomValues } from '../../../shared/api/features/room-calls.ts';
import { WorkshopError } from '../../../shared/api/errors.ts';
import type { WorkshopSession } from '../session.ts';
import { Room } from '../room-server/room.ts';
import { startRoomServer, type RunningRoomServer } from '../room-server/room-server.ts';
import { isOffered, roomInterfaces } from '../room-server/interfaces.ts';
import { joinQr } from '../room-server/join-qr.ts';
import { promptOf } from '../room-server/participant-view.ts';

/** Easy to read off a projector and type on a phone; any free port when it is taken. */
const PREFERRED_PORT = 8420;
/** The wildcard, only when the facilitator picks "every network" deliberately. */
const EVERY_NETWORK = '0.0.0.0';

/**
 * The room's calls. At most one room per window, bound to the open workshop: never
 * started by default, closed by Close the room, by closing the workshop (the file's
 * watcher) and by closing the app (the API service closes the session).
 */
export function roomHandlers(session: WorkshopSession, options: { interfaces?: typeof networkInterfaces } = {}): FeatureHandlers<keyof RoomValues> {
  const listInterfaces = () => roomInterfaces((options.interfaces ?? networkInterfaces)());
  let current: { room: Room; server: RunningRoomServer; shownAddress: string } | null = null;

  const status = (): RoomStatus => {
    if (!current?.room.isOpen) return { open: false };
    const { room, server, shownAddress } = current;
    const host = shownAddress.includes(':') ? `[${shownAddress}]` : shownAddress;
    const url = `http://${host}:${server.port}/`;
    const joinUrl = `${url}#code=${room.code}`;
    return {
      open: true,
      url,
      joinUrl,
      code: room.code,
      qr: joinQr(joinUrl),
      address: shownAddress,
      participants: room.participantCount,
      people: room.people(),
      input: room.inputCell,
      question: promptOf(room.currentRecords(), room.inputCell)?.question ?? null,
      emotion: room.emotionPoll(),
    };
  };

  async function close(): Promise<void> {
    const closing = current;
    current = null;
    await closing?.server.close();
  }

  return {
    'room-interfaces': () => listInterfaces(),
    'room-open': async ({ address, port, input }) => {
      const file = session.current();
      if (file.readOnly) throw new WorkshopError('read-only', 'This workshop is open read-only, so the room cannot add to it.', file.path);
      const offered = listInterfaces();
      if (address !== EVERY_NETWORK && !isOffered(offered, address)) {
        throw new WorkshopError('invalid-request', `${address} is not an address of this computer.`);
      }
      await close();
      const room = new Room(file, { input, afterChange: () => session.backups.afterChange(file), onClosed: () => void close() });
      let server: RunningRoomServer;
      try {
        server = await startRoomServer(room, { address, port: port ?? PREFERRED_PORT }).catch((error: { code?: string }) => {
          if (port === undefined && error.code === 'EADDRINUSE') return startRoomServer(room, { address, port: 0 });
          throw error;
        });
      } catch (error) {
        room.close();
        throw new WorkshopError('invalid-request', `The room could not open on ${address}: ${(error as Error).message}`);
      }
      const shownAddress = address === EVERY_NETWORK ? (offered.find((i) => !i.internal && i.family === 'IPv4')?.address ?? '127.0.0.1') : address;
      current = { room, server, shownAddress };
      return status();
    },
    'room-close': async () => {
      await close();
      return status();
    },
    'room-status': () => status(),
    'room-ask': ({ input }) => {
      current?.room.setInput(input);
      return status();
    },
    'room-changes': async ({ after, waitMs, version }) => {
      if (!current) return { seq: 0, version: 0, changes: [], reload: false, status: status() };
      const feed = await current.room.changesAfter(after, waitMs, version);
      return { seq: feed.seq, version: feed.version, changes: feed.changes, reload: feed.reload, status: status() };
    },
    'room-ask-emotion': ({ ask }) => {
      current?.room.askEmotion(ask);
      return status();
    },
    'room-show': ({ stageId }) => {
      current?.room.setShowing(stageId);
      return status();
    },
    'room-remove-participant': ({ participantId }) => {
      current?.room.removeParticipant(participantId);
      return status();
    },
  };
}
