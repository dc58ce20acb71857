import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from './lib/static-server';

/**
 * `node --import tsx scripts/screenshots.ts <folder> [#/route …]`: PNGs of the web build
 * (out/web) after loading the sample data, for a person to look at. Not a test.
 */
const [outDir = 'screenshots', ...routes] = process.argv.slice(2);
const server = await startStaticServer(resolve(import.meta.dirname, '../out/web'));
const profile = await mkdtemp(join(tmpdir(), 'sciledger-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
});
try {
  await mkdir(outDir, { recursive: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}#/settings/data`);
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '载入' }).click();
  await page.getByText(/已载入示例数据/).waitFor();
  for (const route of routes.length ? routes : ['#/settings/organisation', '#/settings/policy', '#/settings/data', '#/settings/log']) {
    await page.goto(`${server.url}${route}`);
    await page.waitForTimeout(800);
    const file = join(outDir, `${route.replace(/[#/]+/g, '_').replace(/^_/, '') || 'home'}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
} finally {
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
