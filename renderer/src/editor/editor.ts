import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JourneyboardApi, OpenedWorkshop } from '../../../shared/api/contract.ts';
import type { ApiError } from '../../../shared/api/errors.ts';
import { applyChange, invertChange, isEmptyChange, type Change } from '../../../shared/change/change.ts';
import { journeysOf, workshopOf } from '../../../shared/model/document.ts';
import { anyRecordSchema, type AnyRecord } from '../../../shared/model/records.ts';
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
  /** Sizes the board is drawn at: the projector theme uses larger type. */
  metrics: BoardMetrics = BOARD_METRICS;
  /** In projector mode, the one stage on screen. */
  onlyStageId: string | null = null;
  /** Whether the opened workshop still waits for a board size to fit its map to. */
  private fitPending = false;
  private layoutMemo: { records: EditorState['records']; journeyId: string | null; metrics: BoardMetrics; onlyStageId: string | null; layout: BoardLayout | null } | null = null;

  constructor(api: JourneyboardApi) {
    this.api = api;
    this.store = createStore<EditorState>(() => initialEditorState);
    this.saves = new SaveQueue(api, {
      onSaving: () => this.set({ save: { status: 'saving' } }),
      onSaved: (savedAt) => this.set({ save: { status: 'saved', savedAt } }),
      onFailed: (error) => void this.recoverFromRefusedSave(error),
    });
  }

  get state(): EditorState {
    return this.store.getState();
  }

  /** The current journey's layout, recomputed only when the records change. */
  layout(): BoardLayout | null {
    const { records, journeyId } = this.state;
    const { metrics, onlyStageId } = this;
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

  async openWorkshop(path: string): Promise<boolean> {
    return this.loadFrom(() => this.api['workshop-open']({ path }));
  }

  async createWorkshop(path: string, name: string, replaceExisting: boolean, template: TemplateId = 'blank'): Promise<boolean> {
    return this.loadFrom(() => this.api['workshop-create']({ path, name, replaceExisting, template }));
  }

  /** A new workshop file from a JSON export, opened at once. */
  async importWorkshop(sourcePath: string, path: string, replaceExisting: boolean): Promise<boolean> {
    return this.loadFrom(() => this.api['import-json']({ sourcePath, path, replaceExisting }));
  }

  async closeWorkshop(): Promise<void> {
    this.stopEditing();
    this.onClose?.();
    await this.saves.flush();
    await this.api['workshop-close']({});
    this.store.setState({ ...initialEditorState, appInfo: this.state.appInfo, recent: this.state.recent });
    await this.refreshRecent();
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
    const records = Object.fromEntries(opened.records.map((r) => [r.id, r]));
    const workshop = workshopOf(records);
    const journey = journeysOf(records)[0];
    this.store.setState({
      ...initialEditorState,
      appInfo: this.state.appInfo,
      recent: this.state.recent,
      workshop: { path: opened.path, name: workshop?.name ?? 'Workshop' },
      records,
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
    if (isEmptyChange(change)) return false;
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

  /** Closes the current undo step, so the next edit is a step of its own. */
  seal(): void {
    this.set({ undoStack: sealTop(this.state.undoStack) });
  }

  undo(): void {
    this.stopEditing();
    const entry = this.state.undoStack.at(-1);
    if (!entry) return;
    const inverse = invertChange(entry.change);
    this.set({
      records: applyChange(this.state.records, inverse),
      undoStack: this.state.undoStack.slice(0, -1),
      redoStack: [...this.state.redoStack, { change: entry.change }],
      focus: this.focusStillValid(applyChange(this.state.records, inverse)),
    });
    void this.saves.enqueue(inverse);
  }

  redo(): void {
    this.stopEditing();
    const entry = this.state.redoStack.at(-1);
    if (!entry) return;
    const records = applyChange(this.state.records, entry.change);
    this.set({
      records,
      redoStack: this.state.redoStack.slice(0, -1),
      undoStack: [...this.state.undoStack, { change: entry.change }],
      focus: this.focusStillValid(records),
    });
    void this.saves.enqueue(entry.change);
  }

  /** The file refused a change: say why, and take the file's word for what is in it. */
  private async recoverFromRefusedSave(error: ApiError): Promise<void> {
    this.set({ save: { status: 'failed', message: error.message }, notice: { kind: 'error', message: error.message } });
    const read = await this.api['workshop-read']({});
    if (!read.ok) return;
    const records = Object.fromEntries(read.value.records.map((r) => [r.id, r]));
    this.set({ records, undoStack: [], redoStack: [], editing: null, focus: this.focusStillValid(records) });
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
  const records: AnyRecord[] = [...Object.values(change.added), ...Object.values(change.updated).map(([, to]) => to)];
  for (const record of records) {
    const parsed = anyRecordSchema.safeParse(record);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'This edit is not valid';
      return /[.!?]$/.test(message) ? message : `${message}.`;
    }
  }
  return null;
}
