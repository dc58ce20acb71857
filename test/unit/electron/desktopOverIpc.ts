/**
 * The desktop app with only the Electron edge mocked: the renderer's Platform (desktop.ts) → the
 * typed IPC client → the main process's gate (ipc.ts) → the real services on temp folders. Every
 * call the page makes is recorded, so a test can tell which channels a flow used and what ranges
 * it read.
 */
import { vi } from 'vitest';
import { isTrustedIpcSender, registerIpcHandlers, type SenderEventLike } from '../../../electron/main/ipc';
import { createServiceHandlers, type ServiceDeps } from '../../../electron/main/services';
import { createFileHandleRegistry } from '../../../electron/main/services/file-handles';
import { createDesktopPlatform } from '../../../renderer/src/platform/desktop';

export interface DesktopOverIpcOptions {
  userData: string;
  /** The documents folder (default: userData). */
  documents?: string;
  /** What the open dialog answers; none: the clerk cancels it. */
  picked?: string;
  /** The button the message box answers with. */
  messageBoxResponse?: number;
  backups?: ServiceDeps['backups'];
  /** Channels the flow under test must never call (the call throws). */
  forbidden?: readonly string[];
}

export function desktopOverIpc(options: DesktopOverIpcOptions) {
  const { userData, documents = userData, picked } = options;
  const dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    showOpenDialog: vi.fn(async () => (picked === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [picked] })),
    showMessageBox: vi.fn(async () => ({ response: options.messageBoxResponse ?? 1 })),
  };
  const files = createFileHandleRegistry();
  const handlers = createServiceHandlers({
    app: { getVersion: () => '0.1.0', getPath: (name: 'userData' | 'documents') => (name === 'userData' ? userData : documents) },
    dialog,
    shell: { openPath: async () => '' },
    files,
    backups: options.backups,
  });
  const listeners = new Map<string, (event: SenderEventLike, payload: unknown) => Promise<unknown>>();
  registerIpcHandlers({ handle: (c, l) => void listeners.set(c, l) }, handlers, isTrustedIpcSender, () => ({
    sender: { printToPDF: async () => new Uint8Array() },
    senderId: 1,
  }));
  const frame = { url: 'app://sciledger/index.html', parent: null };
  const calls: { channel: string; payload: unknown }[] = [];
  /** The ranges read through file:readRange, in order (kept up as the page reads). */
  const reads: { start: number; end: number }[] = [];
  const invoke = (channel: string, payload: unknown) => {
    calls.push({ channel, payload });
    if (channel === 'file:readRange') reads.push(payload as { start: number; end: number });
    if (options.forbidden?.includes(channel)) throw new Error(`${channel} must not be called here`);
    return listeners.get(channel)!({ senderFrame: frame, sender: { mainFrame: frame } }, payload);
  };
  const platform = createDesktopPlatform({ invoke });
  return { platform, files, dialog, invoke, calls, reads };
}
