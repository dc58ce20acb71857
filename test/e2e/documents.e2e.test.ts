import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { AppShell } from './pages/AppShell';
import { SettingsPage } from './pages/SettingsPage';
import { OperationLog } from './pages/OperationLog';
import { DocumentActionsObject } from './pages/DocumentActionsObject';

let profile: BrowserProfile;

beforeAll(async () => {
  profile = await openProfile();
  const shell = new AppShell(profile.page);
  await shell.open(profile.baseUrl);
  const settings = new SettingsPage(profile.page);
  await settings.setOperator('测试员乙');
  await settings.loadSampleData();
  await settings.openTab('操作记录');
});
reloadAfterFailure(() => profile);
afterAll(async () => {
  await profile?.close();
});

describe('document actions on 操作记录 (web platform)', () => {
  it('previews the report in the app before anything is saved', async () => {
    const log = new OperationLog(profile.page);
    const actions = new DocumentActionsObject(profile.page, log.root);
    const preview = await actions.preview();
    const text = await preview.innerText();
    expect(text).toContain('操作记录');
    expect(text).toContain('测试员乙');
    await profile.page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
  });

  it('saves a valid .docx of the filtered selection', async () => {
    const log = new OperationLog(profile.page);
    await log.search('陈思远');
    await expect.poll(() => log.count()).toBeGreaterThan(0);
    const { name, bytes } = await new DocumentActionsObject(profile.page, log.root).save();
    expect(name).toMatch(/\.docx$/);
    expect(strFromU8(bytes.slice(0, 2))).toBe('PK');
    const files = unzipSync(bytes);
    const documentXml = strFromU8(files['word/document.xml']);
    expect(documentXml).toContain('操作记录');
    expect(documentXml).toContain('陈思远');
    expect(documentXml).toContain('测试员乙');
    // Only the rows the search left on screen are printed.
    expect(documentXml).toContain('筛选出的');
    expect(documentXml).not.toContain('柳州示范智能装备');
  });

  it('logged no errors in the page', () => {
    expect(profile.errors).toEqual([]);
  });
});
