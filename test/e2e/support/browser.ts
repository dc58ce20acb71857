import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, inject } from 'vitest';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags for a machine with no network: without the background-networking ones Chromium keeps
// trying to reach Google's hosts.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];

export interface BrowserProfile {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Console errors and page errors seen so far: a clean app has none. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser profile (its own user-data dir, so its own IndexedDB): one office PC.
 * Two profiles side by side are two machines.
 */
export async function openProfile(): Promise<BrowserProfile> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'sciledger-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return {
    context,
    page,
    baseUrl: inject('baseUrl'),
    errors,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * After a failed test, reload the app at its start page: a dialog or half-filled form left open
 * by one failure would otherwise block every later test of the file that shares the page (CI once
 * reported ten failures for one). The IndexedDB data stays, so later tests still see what earlier
 * ones stored.
 */
export function reloadAfterFailure(current: () => BrowserProfile | undefined) {
  afterEach(async ({ task }) => {
    const profile = current();
    if (!profile || task.result?.state !== 'fail') return;
    const acceptLeave = (dialog: { accept(): Promise<void> }) => void dialog.accept();
    profile.page.on('dialog', acceptLeave);
    try {
      await profile.page.goto(profile.baseUrl);
    } finally {
      profile.page.off('dialog', acceptLeave);
    }
  });
}
