import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DbProvider } from '../../../../../renderer/src/db/DbContext';
import { ExchangeSettingsForm } from '../../../../../renderer/src/features/exchange/ExchangeSettingsForm';
import { readExchangeSettings } from '../../../../../renderer/src/features/exchange/exchangeSettings';
import type { Backups, Platform } from '../../../../../renderer/src/platform/Platform';
import { freshDb } from '../../db/helpers';

// The form reaches the desktop's backup retention only through usePlatform().
const platformRef: { current: Partial<Platform> | null } = { current: null };
vi.mock('../../../../../renderer/src/platform', () => ({ usePlatform: () => platformRef.current }));

function backups(answer: { changed: boolean }): Backups {
  let maxTotal = 30;
  return {
    write: vi.fn(),
    list: vi.fn(async () => []),
    open: vi.fn(),
    retention: vi.fn(async () => ({ maxTotal })),
    // The desktop asks the clerk in its own dialog; the fake answers for them.
    setRetention: vi.fn(async (wanted: number) => {
      if (answer.changed) maxTotal = wanted;
      return { maxTotal, changed: answer.changed };
    }),
  };
}

async function renderForm(answer: { changed: boolean }) {
  const db = await freshDb();
  const store = backups(answer);
  platformRef.current = { kind: 'desktop', backups: store };
  render(
    <App>
      <DbProvider db={db}>
        <ExchangeSettingsForm showBackups />
      </DbProvider>
    </App>,
  );
  const field = await screen.findByRole('spinbutton', { name: '备份保留份数' });
  await waitFor(() => expect((field as HTMLInputElement).value).toBe('30'));
  return { db, store, field };
}

afterEach(() => {
  cleanup();
  platformRef.current = null;
});

// antd's first render is slow on a loaded CI machine.
describe('交换设置: backup retention belongs to the desktop app', { timeout: 20_000 }, () => {
  it('shows the desktop’s retention and changes it only through setRetention (the desktop confirms)', async () => {
    const { db, store, field } = await renderForm({ changed: true });
    await userEvent.clear(field);
    await userEvent.type(field, '12');
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(store.setRetention).toHaveBeenCalledWith(12));
    expect(await screen.findByText('交换设置已保存')).toBeTruthy();
    // Nothing about backups is kept in the ledger database any more.
    expect(await readExchangeSettings(db)).toEqual({ deleteShareLimit: 0.2 });
  });

  it('puts the old value back and says so when the clerk declines in the desktop dialog', async () => {
    const { store, field } = await renderForm({ changed: false });
    await userEvent.clear(field);
    await userEvent.type(field, '3');
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(store.setRetention).toHaveBeenCalledWith(3));
    expect(await screen.findByText('交换设置已保存；备份保留份数未修改')).toBeTruthy();
    await waitFor(() => expect((field as HTMLInputElement).value).toBe('30'));
  });

  it('does not ask when the number is unchanged', async () => {
    const { store } = await renderForm({ changed: true });
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('交换设置已保存')).toBeTruthy();
    expect(store.setRetention).not.toHaveBeenCalled();
  });
});
