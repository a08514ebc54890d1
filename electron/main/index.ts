import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NAMES } from '../../shared/api/contract.ts';
import { SHELL_CHANNELS } from '../../shared/api/ipc-channels.ts';
import type { MenuCommand } from '../../shared/api/shell.ts';
import { createApiService, type ApiService } from '../services/api-service.ts';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy.ts';
import { resolveStaticFile } from '../host/static-files.ts';
import { APP_HOST, APP_SCHEME, APP_START_URL } from './app-origin.ts';
import {
  externalLink,
  installNavigationGuards,
  isTrustedSender,
  mayGrantPermission,
  mayOpenAfterConfirmation,
  openExternalDialogOptions,
  windowOpenDecision,
} from './security-policy.ts';
import { mainWindowOptions } from './window-options.ts';
import { aboutPanelOptions, buildMenuTemplate, themeMenuId, type MenuSpec } from './menu-template.ts';
import { THEMES, type Theme } from '../../shared/theme/palettes.ts';
import { CURRENT_FILE_FORMAT_VERSION } from '../services/schema/migrations.ts';
import { exportDialogOptions, importDialogOptions, newWorkshopDialogOptions, openWorkshopDialogOptions, withExtension, withWorkshopExtension } from './dialog-options.ts';
import { isWorkshopPath, pendingOpenRequests, workshopPathFromArgv, workshopPathsFromArgv, type CommandLineContext } from './open-requests.ts';
import { restoreWindowBounds, type Rect } from './window-state.ts';
import { keepWindowState, readWindowState, windowStateFile } from './window-state-file.ts';
import { EXPORT_KINDS, type ExportKind } from '../../shared/api/shell.ts';

// Bundled to dist/electron/main.js, beside preload.cjs; the renderer is in dist/renderer.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preloadPath = join(here, 'preload.cjs');
const development = !app.isPackaged;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let service: ApiService | null = null;
// Unpackaged, Electron runs as `electron <appDir> …`: the app's folder is not a document.
const commandLine = (cwd: string): CommandLineContext => ({ cwd, platform: process.platform, defaultApp: Boolean(process.defaultApp) });
// What the OS asked to open before the page could take it (this process's command line, macOS open-file).
const openRequests = pendingOpenRequests(workshopPathsFromArgv(process.argv, commandLine(process.cwd())).slice(0, 1));

const defaultWorkshopFolder = () => join(app.getPath('documents'), 'Journeyboard');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (double-click while running) hands its command line to this instance
  // and quits; its relative paths start from its own working directory.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = workshopPathFromArgv(argv, commandLine(workingDirectory));
    if (path) deliverOpenRequest(openRequests.request(path));
    if (!mainWindow) {
      if (app.isReady()) createWindow(); // macOS, after the last window closed
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS: Finder, the Dock and `open` send this, also before 'ready' when they launch us.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (!isWorkshopPath(path)) return;
    deliverOpenRequest(openRequests.request(path));
    if (!mainWindow && app.isReady()) createWindow();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('[journeyboard] could not start', error);
    app.quit();
  });
}

function start(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await resolveStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, decide) => decide(mayGrantPermission(permission)));
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternally) void confirmOpenExternal(contents, url);
      return { action: decision.action };
    });
  });
  registerIpc();
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(buildMenuTemplate(process.platform, { development }))));
  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion(), CURRENT_FILE_FORMAT_VERSION));
  createWindow();
  app.on('activate', () => {
    if (!mainWindow) createWindow();
  });
}

let confirmingLink = false;

/** An https link goes to the browser only after the user agrees, one question at a time. */
async function confirmOpenExternal(contents: WebContents, url: string): Promise<void> {
  const link = externalLink(url);
  if (!link || confirmingLink) return;
  confirmingLink = true;
  try {
    const owner = BrowserWindow.fromWebContents(contents);
    const options = openExternalDialogOptions(link);
    const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
    if (mayOpenAfterConfirmation(response)) await shell.openExternal(link.url);
  } catch (error) {
    console.error('[journeyboard] could not open link', error);
  } finally {
    confirmingLink = false;
  }
}

function createWindow(): void {
  // Where the last session left the window, fitted onto the displays attached now.
  const stateFile = windowStateFile(app.getPath('userData'));
  const restored = restoreWindowBounds(readWindowState(stateFile), displayWorkAreas());
  const window = new BrowserWindow(mainWindowOptions(preloadPath, restored.bounds));
  mainWindow = window;
  keepWindowState(window, stateFile);
  service = createApiService({
    dataFolder: app.getPath('userData'),
    defaultWorkshopFolder: defaultWorkshopFolder(),
    appVersion: app.getVersion(),
    // The page names only paths the user picked in our dialogs (or the OS handed over).
    requirePickedPaths: true,
  });
  window.once('ready-to-show', () => {
    // Maximized after creation, so the normal bounds under it are the restored ones.
    if (restored.maximized) window.maximize();
    window.show();
    if (restored.fullScreen) window.setFullScreen(true);
  });
  window.webContents.once('did-finish-load', () => deliverOpenRequest(openRequests.pageReady()));
  window.on('closed', () => {
    openRequests.pageGone();
    service?.close();
    service = null;
    mainWindow = null;
  });
  void window.loadURL(APP_START_URL);
}

/** Work areas (screen minus task bar, Dock, menu bar), the primary display first. */
function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

/** Sends a workshop the OS asked for to the page; undefined means it waits for the page. */
function deliverOpenRequest(path: string | undefined): void {
  if (path && mainWindow) mainWindow.webContents.send(SHELL_CHANNELS.openFile, picked(path));
}

/** A path the user chose: the service may now read or write it for the page. */
function picked(path: string): string;
function picked(path: string | undefined): string | null;
function picked(path: string | undefined): string | null {
  if (!path) return null;
  service?.grant(path);
  return path;
}

function registerIpc(): void {
  const refused = { ok: false, error: { code: 'invalid-request', message: 'This request did not come from Journeyboard.' } };
  for (const name of API_NAMES) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) return refused;
      if (!service) return { ok: false, error: { code: 'internal', message: 'Journeyboard is shutting down.' } };
      return service.call(name, input);
    });
  }
  ipcMain.handle(SHELL_CHANNELS.pickOpen, async (event) => {
    if (!isTrustedSender(event.senderFrame?.url) || !mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, openWorkshopDialogOptions(defaultWorkshopFolder()));
    return result.canceled ? null : picked(result.filePaths[0]);
  });
  ipcMain.handle(SHELL_CHANNELS.pickNew, async (event, suggestedName: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || !mainWindow) return null;
    const name = typeof suggestedName === 'string' ? suggestedName.slice(0, 200) : 'Workshop.journey';
    const result = await dialog.showSaveDialog(mainWindow, newWorkshopDialogOptions(defaultWorkshopFolder(), name));
    return result.canceled || !result.filePath ? null : picked(withWorkshopExtension(result.filePath));
  });
  ipcMain.handle(SHELL_CHANNELS.pickExport, async (event, suggestedName: unknown, kind: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || !mainWindow || typeof kind !== 'string' || !Object.hasOwn(EXPORT_KINDS, kind)) return null;
    const exportKind = kind as ExportKind;
    const name = typeof suggestedName === 'string' ? suggestedName.slice(0, 200) : `Export.${EXPORT_KINDS[exportKind].extension}`;
    const result = await dialog.showSaveDialog(mainWindow, exportDialogOptions(defaultWorkshopFolder(), name, exportKind));
    return result.canceled || !result.filePath ? null : picked(withExtension(result.filePath, EXPORT_KINDS[exportKind].extension));
  });
  ipcMain.handle(SHELL_CHANNELS.pickImport, async (event, kind: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || !mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, importDialogOptions(defaultWorkshopFolder(), kind === 'template' ? 'template' : 'json'));
    return result.canceled ? null : picked(result.filePaths[0]);
  });
  ipcMain.on(SHELL_CHANNELS.setOpenWorkshop, (event, info: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || !mainWindow) return;
    const open = info as { path?: unknown; name?: unknown } | null;
    if (open && typeof open.path === 'string' && typeof open.name === 'string') {
      mainWindow.setTitle(`${open.name.slice(0, 200)} — Journeyboard`);
      mainWindow.setRepresentedFilename(open.path);
      app.addRecentDocument(open.path);
    } else {
      mainWindow.setTitle('Journeyboard');
      mainWindow.setRepresentedFilename('');
    }
  });
  ipcMain.on(SHELL_CHANNELS.setTheme, (event, theme: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || !THEMES.includes(theme as Theme)) return;
    const item = Menu.getApplicationMenu()?.getMenuItemById(themeMenuId(theme as Theme));
    if (item) item.checked = true;
  });
}

function toElectronMenu(specs: MenuSpec[]): MenuItemConstructorOptions[] {
  return specs.map(({ command, submenu, ...item }) => ({
    ...item,
    ...(submenu ? { submenu: toElectronMenu(submenu) } : {}),
    ...(command ? { click: () => sendMenuCommand(command) } : {}),
  }));
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(SHELL_CHANNELS.menuCommand, command);
}
