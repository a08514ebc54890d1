import { createStore } from 'zustand/vanilla';
import type { RoomInterfaceInfo, RoomStatus } from '../../../shared/api/contract.ts';
import { changeFrom } from '../../../shared/change/change.ts';
import { dependentsOf, recordsGroupedBy, recordsOfType } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import { newEmotion } from '../../../shared/model/record-factories.ts';
import { allRecords } from '../../../shared/model/record-map.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';

/**
 * The facilitator's side of the room on phones: opening and closing it, which cell
 * takes ideas, and the live feed that puts the phones' cards and dots on the board.
 * The phones' changes are already in the file when they arrive here; the board only
 * shows them (Editor.applyRemote), so they never enter the facilitator's undo history.
 */
export interface PhonesState {
  status: RoomStatus;
  /** The Open the room dialog, with the addresses it offers. */
  dialog: { interfaces: RoomInterfaceInfo[]; address: string } | null;
  /** The projector shows the QR large, or only the code and the URL. */
  qrLarge: boolean;
  error: string | null;
}

export const phonesStore = createStore<PhonesState>()(() => ({ status: { open: false }, dialog: null, qrLarge: true, error: null }));

/** How long one wait for the phones' changes lasts; the host answers sooner when there are some. */
const POLL_MS = 15_000;
/**
 * The feed's position in one room (by its code); a new generation stops the loop of the
 * one before. The position carries over for the same room, so a second follow never
 * replays changes the board has since moved past (a card taken back would reappear).
 */
const feed = { seq: 0, version: 0, generation: 0, code: '' };

function focusedCell(editor: Editor): { stepId: string; laneId: string } | null {
  const focus = editor.state.focus;
  return focus?.kind === 'cell' ? { stepId: focus.stepId, laneId: focus.laneId } : null;
}

export async function showOpenRoomDialog(editor: Editor): Promise<void> {
  const result = await editor.api['room-interfaces']({});
  if (!result.ok) return editor.showNotice({ kind: 'error', message: result.error.message });
  // The room's own network first (roomInterfaces sorts it so); never every network by default.
  phonesStore.setState({ dialog: { interfaces: result.value, address: result.value[0]?.address ?? '127.0.0.1' }, error: null });
}

export async function openRoom(editor: Editor, address: string): Promise<boolean> {
  const result = await editor.api['room-open']({ address, input: focusedCell(editor) });
  if (!result.ok) {
    phonesStore.setState({ error: result.error.message });
    return false;
  }
  phonesStore.setState({ status: result.value, dialog: null, error: null, qrLarge: true });
  follow(editor);
  return true;
}

export async function closeRoom(editor: Editor): Promise<void> {
  const result = await editor.api['room-close']({});
  phonesStore.setState({ status: result.ok ? result.value : { open: false } });
  feed.generation++;
}

/** Ideas from the phones now go to the focused cell. */
export async function askRoomHere(editor: Editor): Promise<void> {
  if (!phonesStore.getState().status.open) return editor.showNotice({ kind: 'info', message: 'Open the room to phones first.' });
  const input = focusedCell(editor);
  if (!input) return editor.showNotice({ kind: 'info', message: 'Pick a cell on the board first: the phones add their ideas there.' });
  const result = await editor.api['room-ask']({ input });
  if (result.ok) phonesStore.setState({ status: result.value });
}

/**
 * Asks the phones how the journey's persona (or the workshop's first) feels at the
 * focused step; a show of hands the room keeps until the facilitator sets the emotion.
 */
export async function askRoomForEmotion(editor: Editor): Promise<void> {
  const { records, journeyId, focus } = editor.state;
  const stepId = focus?.kind === 'cell' ? focus.stepId : focus?.kind === 'header' && records[focus.id]?.type === 'step' ? focus.id : null;
  if (!stepId) return editor.showNotice({ kind: 'info', message: 'Pick a step on the board first: the phones say how the persona feels there.' });
  const journey = journeyId ? records[journeyId] : undefined;
  const personaId = (journey?.type === 'journey' ? journey.personaId : null) ?? byPosition(recordsOfType(records, 'persona'))[0]?.id;
  if (!personaId) return editor.showNotice({ kind: 'info', message: 'Add a persona first: the phones say how a persona feels.' });
  const result = await editor.api['room-ask-emotion']({ ask: { stepId, personaId } });
  if (result.ok) phonesStore.setState({ status: result.value });
}

export async function stopAskingEmotion(editor: Editor): Promise<void> {
  const result = await editor.api['room-ask-emotion']({ ask: null });
  if (result.ok) phonesStore.setState({ status: result.value });
}

/** Sets the persona's emotion at the step to the room's median: the facilitator's own, undoable edit. */
export function setEmotionFromRoom(editor: Editor): boolean {
  const status = phonesStore.getState().status;
  const poll = status.open ? status.emotion : null;
  if (!poll || poll.median === null) return false;
  const records = editor.state.records;
  const existing = (recordsGroupedBy(records, 'emotion', 'stepId').get(poll.stepId) ?? []).find((e) => e.personaId === poll.personaId);
  const emotion = existing ? { ...existing, score: poll.median } : newEmotion({ stepId: poll.stepId, personaId: poll.personaId, score: poll.median });
  if (!editor.commit(changeFrom(records, { put: [emotion] }))) return false;
  editor.seal();
  return true;
}

/** Ends one phone's token: its cards stay on the board; the page asks it to join again. */
export async function removeParticipant(editor: Editor, participantId: string): Promise<void> {
  const result = await editor.api['room-remove-participant']({ participantId });
  if (result.ok) phonesStore.setState({ status: result.value });
}

/**
 * Takes back the newest card that came from a phone, as the facilitator's own change:
 * it is one undo step, so Undo puts the card (and its author and dots) back.
 */
export function takeBackLastPhoneCard(editor: Editor): boolean {
  const records = editor.state.records;
  const newest = recordsOfType(records, 'card-author')
    .filter((author) => records[author.cardId])
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
  if (!newest) {
    editor.showNotice({ kind: 'info', message: 'No card from a phone is on the board.' });
    return false;
  }
  const card = records[newest.cardId]!;
  const change = changeFrom(records, { remove: [...dependentsOf(records, card.id), card] });
  if (!editor.commit(change)) return false;
  editor.seal();
  editor.showNotice({ kind: 'info', message: `Took back “${'text' in card ? card.text : ''}” from the board. Undo puts it back.`, offerUndo: true });
  return true;
}

/** Listens for the phones' changes while the room is open (a long-poll on the app's API). */
export function follow(editor: Editor): void {
  const status = phonesStore.getState().status;
  const code = status.open ? status.code : '';
  const generation = ++feed.generation;
  if (feed.code !== code) {
    feed.seq = 0;
    feed.version = 0;
  }
  feed.code = code;
  void (async () => {
    {
      while (feed.generation === generation && editor.state.workshop) {
        const result = await editor.api['room-changes']({ after: feed.seq, version: feed.version, waitMs: POLL_MS });
        if (feed.generation !== generation) return;
        if (!result.ok) {
          await new Promise((done) => setTimeout(done, 1000));
          continue;
        }
        const { seq, version, changes, reload, status } = result.value;
        feed.version = version;
        for (const change of changes) editor.applyRemote(change);
        if (reload) await catchUp(editor);
        feed.seq = seq;
        phonesStore.setState({ status });
        if (!status.open) return;
      }
    }
  })();
}

/** Further behind than the room remembers: what the file holds that the board does not. */
async function catchUp(editor: Editor): Promise<void> {
  await editor.whenSaved();
  const read = await editor.api['workshop-read']({});
  if (!read.ok) return;
  const inFile = new Set(read.value.records.map((r) => r.id));
  const gone = allRecords(editor.state.records).filter((r: AnyRecord) => !inFile.has(r.id));
  editor.applyRemote(changeFrom(editor.state.records, { put: read.value.records, remove: gone }));
}

/** The workshop closed: so did its room (the service closes it with the file). */
export function forgetRoom(): void {
  feed.generation++;
  phonesStore.setState({ status: { open: false }, dialog: null, error: null });
}
