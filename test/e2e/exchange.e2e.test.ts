import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, type BrowserProfile } from './support/browser';
import { AppShell } from './pages/AppShell';
import { AdvisorsPage } from './pages/AdvisorsPage';
import { AdvisorDetailPage } from './pages/AdvisorDetailPage';
import { ExchangePage } from './pages/ExchangePage';
import { SettingsPage } from './pages/SettingsPage';

/**
 * Two office PCs (two browser profiles, each its own IndexedDB) that share no network: bundles
 * travel as files (issue 4 "Tests": edit on both, exchange bundles through files, see the same
 * ledgers and the conflict to resolve).
 */
const ADVISOR = '5809077d-56d4-440b-ac89-65f9ec8e0d7b'; // 陈思远 in the sample data

interface Machine {
  profile: BrowserProfile;
  shell: AppShell;
  exchange: ExchangePage;
  settings: SettingsPage;
  advisors: AdvisorsPage;
  detail: AdvisorDetailPage;
}

let a: Machine;
let b: Machine;
let dir: string;

async function machine(): Promise<Machine> {
  const profile = await openProfile();
  const m = {
    profile,
    shell: new AppShell(profile.page),
    exchange: new ExchangePage(profile.page),
    settings: new SettingsPage(profile.page),
    advisors: new AdvisorsPage(profile.page),
    detail: new AdvisorDetailPage(profile.page),
  };
  // TEST-ONLY hook of the web platform: the sync folder lives in the origin-private file system,
  // because a test driver cannot answer the native folder picker (web-sync-folder.ts).
  await profile.context.addInitScript(() => {
    (globalThis as { __sciledgerSyncFolderRoot?: string }).__sciledgerSyncFolderRoot = 'opfs';
  });
  await m.shell.open(profile.baseUrl);
  return m;
}

function basics(m: Machine) {
  return m.profile.page.getByRole('form', { name: '基本信息' });
}

async function openAdvisor(m: Machine) {
  await m.profile.page.goto(`${m.profile.baseUrl}#/advisors/${ADVISOR}`);
  await m.detail.openTab('基本信息');
  await basics(m).waitFor();
}

async function setField(m: Machine, value: string) {
  await openAdvisor(m);
  await basics(m).getByLabel('领域', { exact: true }).fill(value);
  await basics(m).getByRole('button', { name: '保存基本信息' }).click();
  await m.profile.page.getByText('基本信息已保存').first().waitFor();
}

async function ledgerTotal(m: Machine) {
  await m.settings.openTab('数据维护');
  return m.settings.ledgerTotal();
}

async function fieldValue(m: Machine): Promise<string> {
  await openAdvisor(m);
  return basics(m).getByLabel('领域', { exact: true }).inputValue();
}

const file = (name: string) => join(dir, name);

/** "Carries the USB stick": copies every file of one machine's sync folder into the other's. */
async function carryStick(from: Machine, to: Machine) {
  const files = await from.exchange.readSyncFolder();
  await to.exchange.writeSyncFolder(files);
  return files.length;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciledger-exchange-'));
  a = await machine();
  b = await machine();
});
afterAll(async () => {
  await a?.profile.close();
  await b?.profile.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('数据交换 between two office PCs through bundle files', () => {
  it('names both machines and copies A’s ledgers to B with an update bundle', async () => {
    await a.exchange.setMachineName('甲电脑');
    await b.exchange.setMachineName('乙电脑');
    await a.settings.loadSampleData();
    const totalA = await ledgerTotal(a);

    const name = await a.exchange.exportUpdate(file('a1.sclb'));
    // No machine chosen: everything (a full bundle) — B has never exchanged with A.
    expect(name).toMatch(/^甲电脑-全量-\d{8}-\d{4}\.sclb$/);

    const { preview, result } = await b.exchange.importBundle(file('a1.sclb'));
    expect(preview).toContain('甲电脑');
    expect(preview).toContain('科技顾问');
    expect(result).toContain('已导入来自电脑“甲电脑”的数据包');

    await expect.poll(() => ledgerTotal(b)).toBe(totalA);
    await b.advisors.open(b.profile.baseUrl);
    await expect.poll(() => b.advisors.roster.grid().innerText()).toContain('陈思远');
  });

  it('turns the same field edited differently on both into one conflict, with the same value on both', async () => {
    await setField(a, '先进材料');
    await setField(b, '新能源材料'); // later: wins by last-writer-wins

    // A has not heard from B yet: its update holds everything.
    await a.exchange.exportUpdate(file('a2.sclb'));
    await b.exchange.exportUpdate(file('b1.sclb'), '甲电脑');

    const onA = await a.exchange.importBundle(file('b1.sclb'));
    expect(onA.preview).toContain('乙电脑');
    expect(onA.result).toContain('1 处冲突');
    await b.exchange.importBundle(file('a2.sclb'));

    expect(await fieldValue(a)).toBe('新能源材料');
    expect(await fieldValue(b)).toBe('新能源材料');

    await a.exchange.open('冲突');
    expect(await a.exchange.openConflictCount()).toBe(1);
    const row = await a.exchange.conflicts().grid().innerText();
    expect(row).toContain('科技顾问');
    expect(row).toContain('陈思远');
    expect(row).toContain('领域');
    expect(row).toContain('先进材料');
    expect(row).toContain('新能源材料');
    expect(row).toContain('乙电脑');
  });

  it('resolves the conflict on A (保留本机), and B agrees after one more exchange without a new conflict', async () => {
    await b.exchange.open('冲突');
    const openOnB = await b.exchange.openConflictCount();

    await a.exchange.resolveFirst('保留本机');
    await expect.poll(() => a.exchange.openConflictCount()).toBe(0);
    await a.profile.page.getByText('没有待处理的冲突').waitFor();
    await a.exchange.showResolved();
    expect(await a.exchange.resolvedConflicts().grid().innerText()).toContain('保留了本机的值');
    expect(await fieldValue(a)).toBe('先进材料');

    await a.exchange.exportUpdate(file('a3.sclb'), '乙电脑');
    await b.exchange.importBundle(file('a3.sclb'));
    expect(await fieldValue(b)).toBe('先进材料');
    await b.exchange.open('冲突');
    // No new conflict. B's own copy closes as 已由其他电脑处理 when A's kept value had lost the
    // merge (A's edit then names B's value as its prev); when it had won, A wrote nothing and
    // B's clerk closes it.
    expect(await b.exchange.openConflictCount()).toBeLessThanOrEqual(openOnB);
  });

  it('refuses a corrupt file with a Chinese message and changes nothing', async () => {
    const before = await ledgerTotal(b);
    await writeFile(file('broken.sclb'), Buffer.from('PK\u0003\u0004 这不是完整的数据包'));
    await b.exchange.chooseBundle(file('broken.sclb'));
    const error = b.exchange.importError();
    await error.waitFor();
    expect(await error.innerText()).toMatch(/无法导入“broken\.sclb”：.*[\u4e00-\u9fa5]/);
    await expect.poll(() => b.exchange.preview().count()).toBe(0);
    await expect.poll(() => ledgerTotal(b)).toBe(before);
  });

  it('同步 through a shared folder: A writes its update, B reads and merges it, then writes its own', async () => {
    await setField(a, '同步测试材料');
    expect(await a.exchange.chooseSyncFolder()).toBeTruthy();
    const first = await a.exchange.sync();
    expect(first).toContain('写入了本机的更新包');

    expect(await carryStick(a, b)).toBe(1);
    await b.exchange.chooseSyncFolder();
    const onB = await b.exchange.sync();
    expect(onB).toContain('导入了 1 个数据包（来自 甲电脑）');
    expect(onB).toContain('科技顾问');
    expect(await fieldValue(b)).toBe('同步测试材料');

    // Nothing new since: a second 同步 on A imports nothing and writes nothing.
    await carryStick(b, a);
    const again = await a.exchange.sync();
    expect(again).toContain('没有需要导入的新数据包');
  });

  it('restores a downloaded backup after showing what will change (web: no automatic backup, said so)', async () => {
    await b.exchange.downloadBackup(file('backup-b.sclb'));
    await setField(b, '误改的领域');
    const dialog = await b.exchange.startRestoreFromFile(file('backup-b.sclb'));
    const text = await dialog.innerText();
    expect(text).toContain('乙电脑');
    expect(text).toContain('网页版不会自动备份当前数据');
    expect(text).toMatch(/科技顾问\s+0\s+1\s+0/);
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await b.profile.page.getByText(/已恢复，\d+ 条记录有变化/).first().waitFor();
    expect(await fieldValue(b)).toBe('同步测试材料');
  });

  it('keeps this machine’s 交换设置 across a reload, without sending it to the other machine', async () => {
    await a.exchange.setDeleteSharePercent(50);
    await a.profile.page.reload();
    await a.exchange.open('备份与恢复');
    await expect.poll(() => a.exchange.deleteSharePercent()).toBe('50');
    await b.exchange.open('备份与恢复');
    await expect.poll(() => b.exchange.deleteSharePercent()).toBe('20');
  });

  it('logs no console errors on either machine', () => {
    expect(a.profile.errors).toEqual([]);
    expect(b.profile.errors).toEqual([]);
  });
});
