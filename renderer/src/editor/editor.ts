import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JourneyboardApi, OpenedWorkshop } from '../../../shared/api/contract.ts';
import type { ApiError } from '../../../shared/api/errors.ts';
import { applyChange, invertChange, isEmptyChange, type Change } from '../../../shared/change/change.ts';
import { journeysOf, workshopOf } from '../../../shared/model/document.ts';
import { allRecords, recordMapOf } from '../../../shared/model/record-map.ts';
import { firstProblemIn } from '../../../shared/model/record-problems.ts';
import { keepUnchangedBoxes, layoutBoard, type BoardLayout } from '../../../shared/layout/board-layout.ts';
import { BOARD_METRICS, type BoardMetrics } from '../../../shared/layout/card-metrics.ts';
import { fitViewport } from './viewport.ts';
import { initialEditorState, type EditorState, type Editing, type Focus } from './editor-state.ts';
import { recordCommit, sealTop } from './history.ts';
import { SaveQueue } from './save-queue.ts';
import type { TemplateId } from '../../../shared/model/templates.ts';
import type { ActionResult } from './document-actions.ts';

/**
 * The editor: plain TypeScript that React only reads (after tldraw's Editor). It owns
 * the one path every edit takes — action → Change → store → undo history → save queue
 * → `workshop-apply-change` → one SQLite transaction — and the workshop session.
 */
export class Editor {
  readonly store: StoreApi<EditorState>;
  readonly api: JourneyboardApi;
  /** The board's size on screen, for zooming around its centre and fitting the map. */
  boardSize = { width: 0, height: 0 };
  private readonly saves: SaveQueue;
  /** Called when a workshop closes, so facilitation state (vote, projector) ends with it. */
  onClose: (() => void) | undefined;
  /**
   * The board's type sizes and, in projector mode, its one stage: derived from the
   * preferences and the room by whoever wires the app (main.tsx), read here.
   */
  boardSettings: () => { metrics: BoardMetrics; onlyStageId: string | null } = () => ({ metrics: BOARD_METRICS, onlyStageId: null });
  /** Whether the opened workshop still waits for a board size to fit its map to. */
  private fitPending = false;
  private layoutMemo: { records: EditorState['records']; journeyId: string | null; metrics: BoardMetrics; onlyStageId: string | null; layout: BoardLayout | null } | null = null;

  constructor(api: JourneyboardApi) {
    this.api = api;
    this.store = createStore<EditorState>(() => initialEditorState);
    this.saves = new SaveQueue(api, {
      onSaving: (unsaved) => this.set({ save: { status: 'saving', unsaved } }),
      onSaved: (savedAt) => this.set({ save: { status: 'saved', savedAt } }),
      // Nothing is reloaded or dropped: the board keeps the work, marked as not saved.
      onFailed: (error, unsaved) => this.set({ save: { status: 'failed', error, unsaved } }),
    });
  }

  get state(): EditorState {
    return this.store.getState();
  }

  /** The workshop's name as the file has it now (renaming shows everywhere at once). */
  workshopName(): string {
    return workshopNameIn(this.state.records);
  }

  /** The current journey's layout, recomputed only when the records change. */
  layout(): BoardLayout | null {
    const { records, journeyId } = this.state;
    const { metrics, onlyStageId } = this.boardSettings();
    const memo = this.layoutMemo;
    if (memo?.records !== records || memo.journeyId !== journeyId || memo.metrics !== metrics || memo.onlyStageId !== onlyStageId) {
      const previous = memo?.journeyId === journeyId && memo.metrics === metrics && memo.onlyStageId === onlyStageId ? memo.layout : null;
      const layout = journeyId ? keepUnchangedBoxes(previous, layoutBoard(records, journeyId, metrics, onlyStageId)) : null;
      this.layoutMemo = { records, journeyId, metrics, onlyStageId, layout };
    }
    return this.layoutMemo!.layout;
  }

  // --- the workshop session -------------------------------------------------------

  async start(): Promise<void> {
    const info = await this.api['app-info']({});
    if (info.ok) this.set({ appInfo: info.value });
    await this.refreshRecent();
  }

  async refreshRecent(): Promise<void> {
    const recent = await this.api['recent-list']({});
    if (recent.ok) this.set({ recent: recent.value });
  }

  async forgetRecent(path: string): Promise<void> {
    const recent = await this.api['recent-forget']({ path });
    if (recent.ok) this.set({ recent: recent.value });
  }

  async openWorkshop(path: string, readOnly = false): Promise<boolean> {
    return this.loadFrom(() => this.api['workshop-open']({ path, readOnly }));
  }

  async createWorkshop(path: string, name: string, replaceExisting: boolean, template: TemplateId = 'blank'): Promise<boolean> {
    return this.loadFrom(() => this.api['workshop-create']({ path, name, replaceExisting, template }));
  }

  /** A new workshop file from a JSON export, opened at once. */
  async importWorkshop(sourcePath: string, path: string, replaceExisting: boolean): Promise<boolean> {
    return this.loadFrom(() => this.api['import-json']({ sourcePath, path, replaceExisting }));
  }

  /**
   * Closes the workshop. With changes that could not be saved, the first attempt only
   * warns (they would be lost); `discardUnsaved` is the second, deliberate one.
   */
  /** A backup written to a new file and opened; the result says why not, when not. */
  async restoreBackup(backupId: string, path: string, replaceExisting: boolean): Promise<{ ok: boolean; error?: ApiError }> {
    if (this.state.workshop && this.saves.unsaved > 0) {
      return { ok: false, error: { code: 'invalid-request', message: 'Some changes are not saved yet: save a copy first, then restore the backup.' } };
    }
    let error: ApiError | undefined;
    const opened = await this.loadFrom(async () => {
      const result = await this.api['backup-restore']({ backupId, path, replaceExisting });
      if (!result.ok) error = result.error;
      return result;
    });
    if (!opened && error && this.state.workshop) this.set({ notice: { kind: 'error', message: error.message } });
    return opened ? { ok: true } : { ok: false, error };
  }

  async closeWorkshop(discardUnsaved = false): Promise<boolean> {
    this.stopEditing();
    await this.saves.flush();
    if (this.saves.unsaved > 0 && !discardUnsaved) {
      this.set({
        notice: {
          kind: 'error',
          message: 'Your latest changes are not saved in the file. Use Save a copy as… to keep them, or close without saving them.',
          offerCloseAnyway: true,
        },
      });
      return false;
    }
    this.saves.discard();
    this.onClose?.();
    await this.api['workshop-close']({});
    this.store.setState({ ...initialEditorState, appInfo: this.state.appInfo, recent: this.state.recent });
    await this.refreshRecent();
    return true;
  }

  // --- when the file cannot be saved to ---------------------------------------------

  /**
   * Writes the board as it is on screen to a new workshop and carries on there. Undo
   * and redo stay: the new file holds exactly the records they were made against.
   */
  async saveCopyAs(path: string, replaceExisting: boolean): Promise<boolean> {
    this.stopEditing();
    const records = [...allRecords(this.state.records)];
    const result = await this.saves.replaceAll(() => this.api['workshop-save-copy']({ path, records, replaceExisting }));
    if (!result.ok) {
      this.set({ notice: { kind: 'error', message: `The copy was not saved: ${result.error.message}` } });
      return false;
    }
    this.set({
      workshop: { path: result.value.path, readOnly: false },
      notice: { kind: 'info', message: `Saved a copy as ${result.value.path}. Everything on the board is in it, and you are now working in it.` },
    });
    return true;
  }

  /** Tries the unsaved changes again now (after freeing space, putting the file back…). */
  retrySaving(): void {
    this.saves.retry();
  }

  /** Drops the unsaved changes and shows what the file holds. */
  async reloadFromFile(): Promise<void> {
    this.stopEditing();
    this.saves.discard();
    const read = await this.api['workshop-read']({});
    if (!read.ok) return this.set({ notice: { kind: 'error', message: read.error.message } });
    const records = recordMapOf(read.value.records);
    this.set({ records, undoStack: [], redoStack: [], editing: null, focus: this.focusStillValid(records), save: { status: 'saved' } });
  }

  private async loadFrom(request: () => Promise<{ ok: true; value: OpenedWorkshop } | { ok: false; error: ApiError }>): Promise<boolean> {
    if (this.state.workshop) await this.saves.flush();
    this.set({ busy: true, startError: null });
    const result = await request();
    this.set({ busy: false });
    if (!result.ok) {
      this.set({ startError: result.error });
      await this.refreshRecent();
      return false;
    }
    this.load(result.value);
    return true;
  }

  private load(opened: OpenedWorkshop): void {
    const records = recordMapOf(opened.records);
    const journey = journeysOf(records)[0];
    this.store.setState({
      ...initialEditorState,
      appInfo: this.state.appInfo,
      recent: this.state.recent,
      workshop: { path: opened.path, readOnly: opened.readOnly },
      records,
      notice: opened.notices.length > 0 ? { kind: 'warning', message: opened.notices.join(' ') } : null,
      journeyId: journey?.id ?? null,
      viewport: this.state.viewport,
    });
    // The whole map in view from the first frame, not one frame later: on a big map that
    // first frame at the old view would cost as much as the opening itself.
    this.fitPending = true;
    this.fitIfPending();
  }

  /** Fits a newly opened map once the board has a size (at load, or when it first gets one). */
  fitIfPending(): void {
    if (!this.fitPending || this.boardSize.width <= 0) return;
    this.fitPending = false;
    const layout = this.layout();
    if (layout) this.setViewport(fitViewport(layout, this.boardSize));
  }

  // --- the one change pipeline ----------------------------------------------------

  /** Commits what an action produced, and moves focus and editing where it says. */
  perform(result: ActionResult | null): boolean {
    if (!result) return false;
    if (!this.commit(result.change, result.mergeKey)) return false;
    const patch: Partial<EditorState> = {};
    if (result.focus) patch.focus = result.focus;
    if (result.editing) patch.editing = result.editing;
    this.set(patch);
    return true;
  }

  /**
   * Validates the change's records against the same schemas the main process uses, so
   * a card of 1 MB is refused here with a message instead of at the file.
   */
  commit(change: Change, mergeKey?: string): boolean {
    if (isEmptyChange(change) || !this.mayEdit()) return false;
    const problem = firstInvalidRecord(change);
    if (problem) {
      this.set({ notice: { kind: 'error', message: problem } });
      return false;
    }
    this.set({
      records: applyChange(this.state.records, change),
      undoStack: recordCommit(this.state.undoStack, change, mergeKey),
      redoStack: [],
    });
    void this.saves.enqueue(change);
    return true;
  }

  /**
   * Records another writer already saved (a phone, through the room): shown at once,
   * but kept out of this window's undo history and save queue (after tldraw's
   * mergeRemoteChanges), so Undo never takes back a participant's card by surprise.
   * Taking one back is an action of its own (room-take-back), which Undo does cover.
   */
  applyRemote(change: Change): void {
    if (isEmptyChange(change)) return;
    const records = applyChange(this.state.records, change);
    this.set({ records, focus: this.focusStillValid(records) });
  }

  /** Closes the current undo step, so the next edit is a step of its own. */
  seal(): void {
    this.set({ undoStack: sealTop(this.state.undoStack) });
  }

  undo(): void {
    this.stopEditing();
    const entry = this.state.undoStack.at(-1);
    if (!entry || !this.mayEdit()) return;
    const inverse = invertChange(entry.change);
    const records = applyChange(this.state.records, inverse);
    this.set({
      records,
      undoStack: this.state.undoStack.slice(0, -1),
      redoStack: [...this.state.redoStack, { change: entry.change }],
      focus: this.focusStillValid(records),
    });
    void this.saves.enqueue(inverse);
  }

  redo(): void {
    this.stopEditing();
    const entry = this.state.redoStack.at(-1);
    if (!entry || !this.mayEdit()) return;
    const records = applyChange(this.state.records, entry.change);
    this.set({
      records,
      redoStack: this.state.redoStack.slice(0, -1),
      undoStack: [...this.state.undoStack, { change: entry.change }],
      focus: this.focusStillValid(records),
    });
    void this.saves.enqueue(entry.change);
  }

  /** A workshop opened read-only takes no edits: they could never be saved. */
  private mayEdit(): boolean {
    if (!this.state.workshop?.readOnly) return true;
    this.set({
      notice: {
        kind: 'error',
        message: 'This workshop is open read-only because another Journeyboard has it. Use Save a copy as… to work on a copy of your own.',
      },
    });
    return false;
  }

  // --- focus, editing, viewport ---------------------------------------------------

  /** Shows another journey of the workshop; focus and typing stay with the old one. */
  switchJourney(journeyId: string): void {
    if (this.state.records[journeyId]?.type !== 'journey') return;
    this.stopEditing();
    this.set({ journeyId, focus: null });
  }

  setFocus(focus: Focus | null): void {
    this.set({ focus });
  }

  /** Shift+click: adds a card to the selection, or takes it out. */
  toggleSelected(cardId: string): void {
    const selection = this.state.selection;
    this.set({ selection: selection.includes(cardId) ? selection.filter((id) => id !== cardId) : [...selection, cardId] });
  }

  clearSelection(): void {
    if (this.state.selection.length > 0) this.set({ selection: [] });
  }

  startEditing(editing: Editing | null): void {
    this.set({ editing });
  }

  stopEditing(): void {
    if (this.state.editing) this.set({ editing: null });
    this.seal();
  }

  setViewport(viewport: EditorState['viewport']): void {
    const current = this.state.viewport;
    if (viewport.x === current.x && viewport.y === current.y && viewport.scale === current.scale) return;
    this.set({ viewport });
  }

  showNotice(notice: EditorState['notice']): void {
    this.set({ notice });
  }

  private focusStillValid(records: EditorState['records']): Focus | null {
    const focus = this.state.focus;
    if (!focus) return null;
    if (focus.kind === 'header') return records[focus.id] ? focus : null;
    if (!records[focus.stepId] || !records[focus.laneId]) return null;
    if (focus.cardId && !records[focus.cardId]) return { kind: 'cell', stepId: focus.stepId, laneId: focus.laneId };
    return focus;
  }

  private set(patch: Partial<EditorState>): void {
    this.store.setState(patch);
  }

  /** Resolves when every change made so far has been answered by the file. */
  whenSaved(): Promise<void> {
    return this.saves.flush();
  }
}

function firstInvalidRecord(change: Change): string | null {
  return firstProblemIn([...Object.values(change.added), ...Object.values(change.updated).map(([, to]) => to)]);
}

export function workshopNameIn(records: EditorState['records']): string {
  return workshopOf(records)?.name || 'Workshop';
}
