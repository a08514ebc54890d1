import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiName, JourneyboardApi } from '../../shared/api/contract.ts';
import { SHELL_CHANNELS } from '../../shared/api/ipc-channels.ts';
import type { ExportKind, JourneyboardBridge, JourneyboardShell, MenuCommand } from '../../shared/api/shell.ts';
import type { Theme } from '../../shared/theme/palettes.ts';

// Sandboxed and bundled into one CommonJS file: the page gets named functions, never
// ipcRenderer itself, so it can only ask for what the API lists.
const call =
  <K extends ApiName>(name: K) =>
  (input: Parameters<JourneyboardApi[K]>[0]) =>
    ipcRenderer.invoke(name, input) as ReturnType<JourneyboardApi[K]>;

const api = {
  'app-info': call('app-info'),
  'workshop-create': call('workshop-create'),
  'workshop-open': call('workshop-open'),
  'workshop-read': call('workshop-read'),
  'workshop-close': call('workshop-close'),
  'workshop-apply-change': call('workshop-apply-change'),
  'workshop-save-copy': call('workshop-save-copy'),
  'export-json': call('export-json'),
  'export-csv': call('export-csv'),
  'export-qdpx': call('export-qdpx'),
  'import-json': call('import-json'),
  'export-pptx': call('export-pptx'),
  'export-png': call('export-png'),
  'export-pdf': call('export-pdf'),
  'export-progress': call('export-progress'),
  'export-cancel': call('export-cancel'),
  'recent-list': call('recent-list'),
  'recent-forget': call('recent-forget'),
  'backup-list': call('backup-list'),
  'backup-restore': call('backup-restore'),
  'interviews-merge': call('interviews-merge'),
  'decisions-compare': call('decisions-compare'),
  'room-interfaces': call('room-interfaces'),
  'room-open': call('room-open'),
  'room-close': call('room-close'),
  'room-status': call('room-status'),
  'room-ask': call('room-ask'),
  'room-changes': call('room-changes'),
  'room-remove-participant': call('room-remove-participant'),
  'room-show': call('room-show'),
  'room-ask-emotion': call('room-ask-emotion'),
} satisfies JourneyboardApi;

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const shell = {
  confirmsReplace: true,
  pickWorkshopToOpen: () => ipcRenderer.invoke(SHELL_CHANNELS.pickOpen) as Promise<string | null>,
  pickNewWorkshopPath: (suggestedName: string) => ipcRenderer.invoke(SHELL_CHANNELS.pickNew, suggestedName) as Promise<string | null>,
  pickExportPath: (suggestedName: string, kind: ExportKind) => ipcRenderer.invoke(SHELL_CHANNELS.pickExport, suggestedName, kind) as Promise<string | null>,
  pickImportPath: (kind: 'json') => ipcRenderer.invoke(SHELL_CHANNELS.pickImport, kind) as Promise<string | null>,
  onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(SHELL_CHANNELS.menuCommand, listener),
  onOpenFile: (listener: (path: string) => void) => subscribe(SHELL_CHANNELS.openFile, listener),
  setOpenWorkshop: (info: { path: string; name: string } | null) => ipcRenderer.send(SHELL_CHANNELS.setOpenWorkshop, info),
  setTheme: (theme: Theme) => ipcRenderer.send(SHELL_CHANNELS.setTheme, theme),
} satisfies JourneyboardShell;

contextBridge.exposeInMainWorld('journeyboard', { api, shell } satisfies JourneyboardBridge);
