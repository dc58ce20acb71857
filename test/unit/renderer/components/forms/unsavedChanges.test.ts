import { afterEach, describe, expect, it, vi } from 'vitest';
import { confirmLeaving, installLeaveGuard, setUnsaved, unsavedLabels } from '../../../../../renderer/src/components/forms/unsavedChanges';
import { handleFormEnter, hasChanges } from '../../../../../renderer/src/components/forms/useRecordForm';

const owner = {};
afterEach(() => setUnsaved(owner, null));

describe('unsaved changes guard (issue 8 item 8)', () => {
  it('asks only when something is unsaved, naming the form', () => {
    const ask = vi.fn(() => false);
    expect(confirmLeaving(ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    setUnsaved(owner, '基本信息');
    expect(confirmLeaving(ask)).toBe(false);
    expect(ask.mock.calls[0]).toEqual(['“基本信息”有未保存的修改，离开后将丢失。\n确定放弃修改并离开吗？']);
    expect(unsavedLabels()).toEqual(['基本信息']);
    expect(confirmLeaving(() => true)).toBe(true);
    expect(unsavedLabels()).toEqual([]);
  });

  it('undoes a refused route change before the router sees it, and guards closing the window', () => {
    window.location.hash = '#/advisors/a1/basic';
    const uninstall = installLeaveGuard(window);
    const router = vi.fn();
    window.addEventListener('hashchange', router);
    setUnsaved(owner, '基本信息');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    window.location.hash = '#/advisors';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/advisors/a1/basic');
    expect(router).not.toHaveBeenCalled();

    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    confirm.mockReturnValue(true);
    window.location.hash = '#/advisors';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(window.location.hash).toBe('#/advisors');
    expect(router).toHaveBeenCalled();
    window.removeEventListener('hashchange', router);
    uninstall();
    confirm.mockRestore();
  });
});

describe('form keys and changes', () => {
  const key = (init: Partial<{ key: string; ctrlKey: boolean; isComposing: boolean }>) => {
    const event = { key: init.key ?? 'Enter', ctrlKey: !!init.ctrlKey, metaKey: false, nativeEvent: { isComposing: !!init.isComposing }, preventDefault: vi.fn() };
    return event as unknown as Parameters<typeof handleFormEnter>[0] & { preventDefault: ReturnType<typeof vi.fn> };
  };
  it('a status dialog commits from Ctrl+Enter, never from a plain Enter (issue 8 item 3)', () => {
    const submit = vi.fn();
    const plain = key({});
    handleFormEnter(plain, submit, false);
    expect(plain.preventDefault).toHaveBeenCalled();
    expect(submit).not.toHaveBeenCalled();
    handleFormEnter(key({ ctrlKey: true }), submit, false);
    expect(submit).toHaveBeenCalledTimes(1);
    const ime = key({ isComposing: true });
    handleFormEnter(ime, submit, false);
    expect(ime.preventDefault).not.toHaveBeenCalled();
  });

  it('counts an emptied field as unchanged when it was empty', () => {
    expect(hasChanges({ name: '陈', notes: '' }, { name: '陈' })).toBe(false);
    expect(hasChanges({ name: '陈', notes: null }, { name: '陈', notes: undefined })).toBe(false);
    expect(hasChanges({ name: '林' }, { name: '陈' })).toBe(true);
  });
});
