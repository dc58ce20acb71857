/**
 * Lifecycle — the only place (with the preload) that imports electron at runtime. Everything
 * it calls is a plain, tested function; this file just connects them to the real objects.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { MessageBoxOptionsLike, OpenDialogOptionsLike, SaveDialogOptionsLike } from './services/dialogs';
import { createServiceHandlers, type IpcCallContext } from './services';
import { closeFilesWithPage, createFileHandleRegistry } from './services/file-handles';
import type { FolderDialogOptionsLike } from './services/sync-folder';
import { isTrustedIpcSender, registerIpcHandlers } from './ipc';
import { APP_ENTRY_URL, appSchemePrivileges, registerAppProtocol } from './protocol';
import { applicationMenuTemplate, createWindowOptions, hardenSession, hardenWebContents } from './window';
import { handleWillPreventUnload } from './unsavedClose';

// The name and appId never change: the userData folder (and with it the whole IndexedDB
// ledger) is derived from them, and a new folder would look like an empty database.
const PRODUCT_NAME = 'SciLedger';
const APP_USER_MODEL_ID = 'cn.sciledger.desktop';

app.setName(PRODUCT_NAME);
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
// Taskbar grouping and notifications on Windows; must match the installer's appId.
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

// Privileged schemes can only be registered before "ready".
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

const outDir = path.join(import.meta.dirname, '..');
const rendererDir = path.join(outDir, 'renderer');
const preloadPath = path.join(outDir, 'preload', 'index.cjs');

let mainWindow: BrowserWindow | null = null;
/** Bundles opened for a page to read in ranges; closed with the page (file-handles.ts). */
const openFiles = createFileHandleRegistry();

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createMainWindow(): BrowserWindow {
  // electronegativity only reads object literals and cannot follow the options into
  // createWindowOptions; window.test.ts asserts contextIsolation and sandbox there instead.
  // (Its Auxclick check predates setWindowOpenHandler, which denies middle-click windows.)
  const window = new BrowserWindow(createWindowOptions(preloadPath, { isPackaged: app.isPackaged })); /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-prevent-unload', (event) => handleWillPreventUnload(event, { showMessageBoxSync: (options) => dialog.showMessageBoxSync(window, options) }));
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Dialogs are modal to the main window when there is one. */
const modalDialog = {
  showSaveDialog: (options: SaveDialogOptionsLike) =>
    mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
  // File pickers and the sync-folder picker share Electron's one open dialog.
  showOpenDialog: (options: OpenDialogOptionsLike | FolderDialogOptionsLike) =>
    mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
  showMessageBox: (options: MessageBoxOptionsLike) =>
    mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options),
};

// A second launch (double-clicked icon while the app is open) must not open a second copy
// on the same IndexedDB: it hands over to the first instance and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  // Covers every webContents, including any created later, not just the main window's.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, contents.session);
    closeFilesWithPage(contents, openFiles);
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ isPackaged: app.isPackaged })));
    registerAppProtocol(protocol, rendererDir);
    registerIpcHandlers<Electron.IpcMainInvokeEvent, IpcCallContext>(
      ipcMain,
      createServiceHandlers({ app, dialog: modalDialog, shell, files: openFiles }),
      isTrustedIpcSender,
      (event) => ({ sender: event.sender, senderId: event.sender.id }),
    );
    mainWindow = createMainWindow();
  });
}
