import type { IpcHandlers } from '../../../shared/ipc';

/**
 * A complete handler map with harmless answers for every channel of the contract, so an IPC
 * test names only the channels it is about. The contract's `satisfies` makes a new channel a
 * compile error here, in one place.
 */
export function fakeHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'file:save': async () => ({ saved: true, path: 'C:\\Users\\clerk\\Documents\\报告.docx' }),
    'file:open': async () => [],
    'file:pick': async () => null,
    'file:readRange': async () => new Uint8Array([1]),
    'file:close': async () => ({}),
    'file:openDocument': async () => ({ path: 'x.docx', opened: true }),
    'window:printToPdf': async () => ({ saved: false }),
    'app:info': async () => ({ kind: 'desktop', version: '1.2.3' }),
    'syncFolder:choose': async () => null,
    'syncFolder:current': async () => null,
    'syncFolder:list': async () => ({ entries: [], skipped: [] }),
    'syncFolder:open': async () => ({ handle: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', size: 3 }),
    'syncFolder:write': async () => ({}),
    'backups:write': async (request) => ({ id: `20250301T083015123Z-${request.reason}`, reason: request.reason, createdAt: '2025-03-01T08:30:15.123Z', size: 1 }),
    'backups:list': async () => [],
    'backups:open': async () => ({ handle: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', size: 3 }),
    'backups:retention': async () => ({ maxTotal: 30 }),
    'backups:setRetention': async (request) => ({ maxTotal: request.maxTotal, changed: true }),
    'attachment:open': async () => ({ path: 'C:\\Temp\\SciLedger-附件\\x\\凭证.pdf', opened: true }),
    'attachment:saveAs': async () => ({ saved: false }),
    ...overrides,
  };
}
