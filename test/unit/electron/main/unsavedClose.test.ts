import { describe, expect, it, vi } from 'vitest';
import { handleWillPreventUnload } from '../../../../electron/main/unsavedClose';

describe('closing the window with unsaved edits (issue 8 item 8)', () => {
  it('closes only when the clerk chooses to drop the changes', () => {
    for (const [choice, closes] of [
      [0, false],
      [1, true],
    ] as const) {
      const event = { preventDefault: vi.fn() };
      const showMessageBoxSync = vi.fn(() => choice);
      handleWillPreventUnload(event, { showMessageBoxSync });
      expect(showMessageBoxSync.mock.calls[0]).toBeDefined();
      expect(event.preventDefault).toHaveBeenCalledTimes(closes ? 1 : 0);
    }
  });
});
