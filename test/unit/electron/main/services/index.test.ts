import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../../../shared/ipc';
import { createServiceHandlers } from '../../../../../electron/main/services';
import type { SaveDialogOptionsLike } from '../../../../../electron/main/services/dialogs';
import { fakeDocx, fakePdf, tempDir } from './helpers';

describe('createServiceHandlers', () => {
  it('implements every channel over the injected electron objects', async () => {
    const userData = await tempDir();
    const documents = await tempDir();
    const target = path.join(documents, 'out.docx');
    const app = {
      getVersion: () => '0.1.0',
      getPath: (name: 'userData' | 'documents') => (name === 'userData' ? userData : documents),
    };
    const dialog = {
      showSaveDialog: vi.fn(async (_options: SaveDialogOptionsLike) => ({ canceled: false, filePath: target })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
    };
    const handlers = createServiceHandlers({ app, dialog, shell: { openPath: async () => '' } });
    const context = { sender: { printToPDF: async () => fakePdf() }, senderId: 1 };

    expect(Object.keys(handlers).sort()).toEqual([...ipcChannels].sort());
    expect(await handlers['app:info']({}, context)).toEqual({ kind: 'desktop', version: '0.1.0' });
    expect(await handlers['file:open']({}, context)).toEqual([]);
    expect(await handlers['file:save']({ suggestedName: 'out.docx', bytes: fakeDocx() }, context)).toEqual({
      saved: true,
      path: target,
    });
    // The next dialog starts where the last file went; the state lives directly in userData.
    await handlers['window:printToPdf']({ suggestedName: '总览' }, context);
    expect(dialog.showSaveDialog.mock.calls[1][0]).toMatchObject({ defaultPath: path.join(documents, '总览.pdf') });
    expect(JSON.parse(await readFile(path.join(userData, 'dialog-state.json'), 'utf8'))).toEqual({ lastFolder: documents });
    const opened = await handlers['file:openDocument']({ suggestedName: '纪要.docx', bytes: fakeDocx() }, context);
    expect(opened).toEqual({ path: path.join(documents, 'SciLedger', '纪要.docx'), opened: true });
    // The retention changes only through the main process's own dialog.
    expect(await handlers['backups:retention']({}, context)).toEqual({ maxTotal: 30 });
    expect(await handlers['backups:setRetention']({ maxTotal: 10 }, context)).toEqual({ maxTotal: 10, changed: true });
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: '将自动备份最多保留的份数从 30 份改为 10 份？', buttons: ['确定修改', '取消'], cancelId: 1, defaultId: 1 }),
    );
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await handlers['backups:setRetention']({ maxTotal: 5 }, context)).toEqual({ maxTotal: 10, changed: false });
  });
});
