import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentActions } from '../../../../../renderer/src/components/DocumentActions';
import { packDocuments } from '../../../../../renderer/src/components/DocumentActions/pack-document';
import type { Platform } from '../../../../../renderer/src/platform/Platform';
import { operationLogInput } from '../../../../fixtures/documents/operation-log-input';

// DocumentActions reaches the outside only through usePlatform(); the test hands it a fake.
const platformRef: { current: Platform | null } = { current: null };
vi.mock('../../../../../renderer/src/platform', () => ({ usePlatform: () => platformRef.current }));

function fakePlatform(overrides: Partial<Platform> = {}): Platform {
  return {
    kind: 'web',
    saveFile: vi.fn(async ({ suggestedName }) => ({ saved: true, path: `D:\\台账\\${suggestedName}` })),
    openFiles: vi.fn(async () => []),
    openDocument: vi.fn(async ({ suggestedName }) => ({ path: suggestedName, opened: false })),
    printViewToPdf: vi.fn(async () => ({ saved: false })),
    appInfo: vi.fn(async () => ({ kind: 'web' as const, version: 'test' })),
    // Not used by document actions; present because every Platform has a sync folder.
    syncFolder: {
      choose: vi.fn(async () => null),
      current: vi.fn(async () => null),
      list: vi.fn(async () => ({ entries: [], skipped: [] })),
      open: vi.fn(async () => new Blob()),
      write: vi.fn(async () => undefined),
    },
    ...overrides,
  };
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

afterEach(() => {
  cleanup();
  platformRef.current = null;
});

describe('DocumentActions', () => {
  it('保存 packs the .docx and hands the bytes and file name to Platform.saveFile', async () => {
    const platform = (platformRef.current = fakePlatform());
    render(<DocumentActions kind="operationLogReport" input={operationLogInput} />);
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(platform.saveFile).toHaveBeenCalledTimes(1));
    const request = vi.mocked(platform.saveFile).mock.calls[0][0];
    expect(request.suggestedName).toBe('操作记录-2026-06-01.docx');
    expect(isZip(request.bytes)).toBe(true);
    expect(request.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
    expect(await screen.findByText('已保存到 D:\\台账\\操作记录-2026-06-01.docx')).toBeTruthy();
  });

  it('fetches the input on click with getInput and honours a custom file name', async () => {
    const platform = (platformRef.current = fakePlatform());
    const getInput = vi.fn(async () => operationLogInput);
    render(<DocumentActions kind="operationLogReport" getInput={getInput} fileName="五月操作记录" />);
    await userEvent.click(screen.getByRole('button', { name: /打\s*印/ }));
    await waitFor(() => expect(platform.openDocument).toHaveBeenCalledTimes(1));
    expect(getInput).toHaveBeenCalledTimes(1);
    const request = vi.mocked(platform.openDocument).mock.calls[0][0];
    expect(request.suggestedName).toBe('五月操作记录.docx');
    expect(isZip(request.bytes)).toBe(true);
  });

  it('shows a Chinese error when the platform fails to save', async () => {
    platformRef.current = fakePlatform({ saveFile: vi.fn(async () => Promise.reject(new Error('磁盘已满'))) });
    render(<DocumentActions kind="operationLogReport" input={operationLogInput} />);
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('保存操作记录失败：磁盘已满')).toBeTruthy();
  });

  it('shows a Chinese error when the input is invalid, and saves nothing', async () => {
    const platform = (platformRef.current = fakePlatform());
    render(<DocumentActions kind="operationLogReport" input={{ ...operationLogInput, organisation: '' }} />);
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText(/保存操作记录失败：操作记录数据无效：organisation 请填写单位名称/)).toBeTruthy();
    expect(platform.saveFile).not.toHaveBeenCalled();
  });

  it('disables the buttons when asked', () => {
    platformRef.current = fakePlatform();
    render(<DocumentActions kind="operationLogReport" input={operationLogInput} disabled />);
    for (const name of [/预\s*览/, /保\s*存/, /打\s*印/]) expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('packDocuments (main-thread fallback where Worker is missing)', () => {
  it('reports progress per document and returns one .docx each', async () => {
    const progress: string[] = [];
    const docs = await packDocuments('operationLogReport', [operationLogInput, { ...operationLogInput, generatedOn: '2026-07-01' }], {
      onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`),
    });
    expect(docs.map((d) => d.fileName)).toEqual(['操作记录-2026-06-01.docx', '操作记录-2026-07-01.docx']);
    expect(docs.every((d) => isZip(d.bytes))).toBe(true);
    expect(progress).toEqual(['building:0/2', 'packing:0/2', 'building:1/2', 'packing:1/2']);
  });

  it('rejects with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    const promise = packDocuments('operationLogReport', [operationLogInput, operationLogInput], {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });
});
