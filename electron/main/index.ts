import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
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
import { buildMenuTemplate, type MenuSpec } from './menu-template.ts';
import { exportDialogOptions, importDialogOptions, newWorkshopDialogOptions, openWorkshopDialogOptions, withExtension, withWorkshopExtension, workshopPathFromArgv } from './dialog-options.ts';
import { EXPORT_KINDS, type ExportKind } from '../../shared/api/shell.ts';

// Bundled to dist/electron/main.js, beside preload.cjs; the renderer is in dist/renderer.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preloadPath = join(here, 'preload.cjs');
const development = !app.isPackaged;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let service: ApiService | null = null;
let fileToOpen: string | undefined = workshopPathFromArgv(process.argv);

const defaultWorkshopFolder = () => join(app.getPath('documents'), 'Journeyboard');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const path = workshopPathFromArgv(argv);
    if (path) mainWindow.webContents.send(SHELL_CHANNELS.openFile, picked(path));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (mainWindow) mainWindow.webContents.send(SHELL_CHANNELS.openFile, picked(path));
    else fileToOpen = path;
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
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow = window;
  service = createApiService({
    dataFolder: app.getPath('userData'),
    defaultWorkshopFolder: defaultWorkshopFolder(),
    appVersion: app.getVersion(),
    // The page names only paths the user picked in our dialogs (or the OS handed over).
    requirePickedPaths: true,
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.once('did-finish-load', () => {
    if (fileToOpen) window.webContents.send(SHELL_CHANNELS.openFile, picked(fileToOpen));
    fileToOpen = undefined;
  });
  window.on('closed', () => {
    service?.close();
    service = null;
    mainWindow = null;
  });
  void window.loadURL(APP_START_URL);
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
  ipcMain.handle(SHELL_CHANNELS.pickImport, async (event) => {
    if (!isTrustedSender(event.senderFrame?.url) || !mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, importDialogOptions(defaultWorkshopFolder()));
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
