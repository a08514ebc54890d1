import type { AppInfo, RecentWorkshop } from '../../../shared/api/contract.ts';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Change } from '../../../shared/change/change.ts';
import type { RecordMap } from '../../../shared/model/document.ts';

export interface HistoryEntry {
  change: Change;
  /** Consecutive commits with the same key merge into this entry (typing, a new card). */
  mergeKey?: string;
}

/** What has keyboard focus on the board: a cell (and maybe one card in it) or a header. */
export type Focus =
  | { kind: 'cell'; stepId: string; laneId: string; cardId?: string }
  | { kind: 'header'; id: string };

export type Editing = { kind: 'card'; cardId: string } | { kind: 'header'; id: string } | { kind: 'emotion'; stepId: string; laneId: string };

export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export interface SaveState {
  status: 'saved' | 'saving' | 'failed';
  savedAt?: string;
  /** Why the file refused the last change; the changes stay on the board meanwhile. */
  error?: ApiError;
  /** Changes on the board that are not in the file yet. */
  unsaved?: number;
}

export interface Notice {
  /** Information fades; a warning or an error stays until dismissed. */
  kind: 'error' | 'warning' | 'info';
  message: string;
  /** Offer an Undo button with the notice (after a delete). */
  offerUndo?: boolean;
  /** Offer to close the workshop anyway, losing what could not be saved. */
  offerCloseAnyway?: boolean;
}

export interface EditorState {
  /** The open file; its name is read from the workshop record, never copied here. */
  workshop: { path: string; readOnly: boolean } | null;
  records: RecordMap;
  journeyId: string | null;
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  focus: Focus | null;
  /** Cards picked with Shift+click, e.g. to vote on exactly these. */
  selection: string[];
  editing: Editing | null;
  viewport: Viewport;
  save: SaveState;
  notice: Notice | null;
  recent: RecentWorkshop[];
  appInfo: AppInfo | null;
  /** Why the last open or create failed, shown on the start screen. */
  startError: ApiError | null;
  busy: boolean;
}

export const initialEditorState: EditorState = {
  workshop: null,
  records: {},
  journeyId: null,
  undoStack: [],
  redoStack: [],
  focus: null,
  selection: [],
  editing: null,
  viewport: { x: 0, y: 0, scale: 1 },
  save: { status: 'saved' },
  notice: null,
  recent: [],
  appInfo: null,
  startError: null,
  busy: false,
};
