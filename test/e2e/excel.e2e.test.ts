import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { AdvisorsPage } from './pages/AdvisorsPage';
import { AppShell } from './pages/AppShell';
import { ConsultationsPage } from './pages/ConsultationsPage';
import { ImportWizardObject, LedgerExcelObject } from './pages/ExcelObjects';
import { officeAdvisorLedger } from '../fixtures/excel/officeLedger';

let profile: BrowserProfile;
let advisors: AdvisorsPage;
let excel: LedgerExcelObject;
let folder: string;

/** A roster whose name column is headed 人员 (no synonym): the clerk must map it by hand. */
async function rosterWithUnknownHeader(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['人员', '院士称号', '工作单位', '聘期', '联系电话']);
  ws.addRow(['覃导入', '中国工程院院士', '导入测试大学', '2025.1.1—2027.12.31', '0771-5550001']);
  ws.addRow(['蒙导入', '中国科学院院士', '导入测试研究院', '2025年1月1日 至 2027年12月31日', '']);
  ws.addRow(['韦导入', '中国工程院院士', '', '', '']);
  ws.addRow(['黎导入', '中国工程院院士', '导入测试学院', '2025.2.30—2027.12.31', '']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return path;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sciledger-excel-'));
  profile = await openProfile();
  advisors = new AdvisorsPage(profile.page);
  excel = new LedgerExcelObject(advisors.roster);
  await advisors.open(profile.baseUrl);
});
reloadAfterFailure(() => profile);
afterAll(async () => {
  await profile?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('Excel in and out on the 科技顾问 roster', () => {
  it('refuses an old .xls with the clerk’s instruction, storing nothing', async () => {
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await excel.chooseFile(await file('旧名册.xls', xls));
    await expect.poll(() => excel.fileError().innerText()).toContain('请在 WPS/Excel 中另存为 .xlsx 后再导入');
    await profile.page.getByRole('button', { name: /知道了|OK|确定/ }).click();
    expect(await advisors.roster.count()).toBe(0);
  });

  it('imports a spreadsheet with errors once the clerk maps the unknown column; bad rows are shown and left out', async () => {
    await excel.chooseFile(await file('名单.xlsx', await rosterWithUnknownHeader()));
    const wizard = excel.wizard();
    await expect.poll(() => wizard.sheetSummary().innerText()).toContain('共 4 行数据');
    await wizard.next();
    await expect.poll(() => wizard.mappingProblems().innerText()).toContain('必填项“姓名”还没有对应的列');
    expect(await wizard.previewButton().isDisabled()).toBe(true);
    await wizard.mapColumn(0, '姓名');
    await expect.poll(() => wizard.mappingProblems().count()).toBe(0);
    await wizard.preview();
    expect(await wizard.counts()).toEqual({ ok: 2, duplicate: 0, error: 2 });
    const text = await wizard.previewText();
    expect(text).toContain('请填写所在单位');
    expect(text).toContain('日期“2025.2.30”不存在');
    await wizard.importButton().click();
    await expect.poll(() => advisors.roster.count()).toBe(2);
    await wizard.root.waitFor({ state: 'detached' });
  });

  it('remembers the mapping for the same layout, and does not import the same people twice', async () => {
    await excel.chooseFile(await file('名单-12月.xlsx', await rosterWithUnknownHeader()));
    const wizard = excel.wizard();
    await wizard.next();
    // 人员 → 姓名 as fixed last time.
    await expect.poll(() => wizard.mappingProblems().count()).toBe(0);
    await wizard.preview();
    expect(await wizard.counts()).toEqual({ ok: 0, duplicate: 2, error: 2 });
    expect(await wizard.previewText()).toContain('台账中已有科技顾问');
    expect(await wizard.importButton().isDisabled()).toBe(true);
    await wizard.cancel();
    expect(await advisors.roster.count()).toBe(2);
  });

  it('imports an office ledger (merged title, header on row 2, two-level header, blank rows)', async () => {
    await excel.chooseFile(await file('2024年顾问名册.xlsx', await officeAdvisorLedger()));
    const wizard = excel.wizard();
    await expect.poll(() => wizard.sheetSummary().innerText()).toContain('表头在第 2 行');
    await wizard.next();
    await wizard.preview();
    expect(await wizard.counts()).toEqual({ ok: 2, duplicate: 1, error: 3 });
    await wizard.importButton().click();
    await expect.poll(() => advisors.roster.count()).toBe(4);
  });

  it('exports the filtered roster: title, frozen header, the rows on screen only, real dates', async () => {
    await advisors.roster.search('导入');
    await expect.poll(() => advisors.roster.count()).toBe(2);
    const { name, bytes } = await excel.export('displayed');
    expect(name).toMatch(/^科技顾问名册_\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('科技顾问名册');
    expect(String(ws.getCell('A2').value)).toContain('筛选出的 2 条记录（共 4 条）');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getRow(3).values).toContain('姓名');
    const names = [ws.getCell('A4').value, ws.getCell('A5').value].sort();
    expect(names).toEqual(['蒙导入', '覃导入']);
    expect(ws.rowCount).toBe(5);

    await advisors.roster.search('');
    await expect.poll(() => advisors.roster.count()).toBe(4);
    const all = await excel.export('all');
    const wbAll = new ExcelJS.Workbook();
    await wbAll.xlsx.load(all.bytes.buffer.slice(all.bytes.byteOffset, all.bytes.byteOffset + all.bytes.byteLength) as ArrayBuffer);
    expect(wbAll.worksheets[0].rowCount).toBe(3 + 4);
    expect(profile.errors).toEqual([]);
  });
});

/** 议定书 topics as a city sends them: funds in 万元, one over the 一般会商 cap. */
async function cityTopics(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会商议题');
  ws.addRow(['序号', '领域', '议题名称', '科技厅责任处室', '市责任部门', '项目资金（万元）']);
  ws.addRow([1, '重大科技研发攻关', '螺蛳粉产业关键技术攻关', '农村处', '柳州市科技局', 600]);
  ws.addRow([2, '创新人才培养引进', '汽车产业人才引进', '人才处', '柳州市人社局', 400]);
  ws.addRow([3, '开放协同创新', '东盟技术转移', '合作处', '柳州市商务局', 1]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('Excel import of 会商议题 into a round', () => {
  it('imports the topics within the 一般会商 cap and refuses the one over it with the reason', async () => {
    await new AppShell(profile.page).goTo('厅市会商');
    const consultations = new ConsultationsPage(profile.page);
    const dialog = await consultations.proposeRound({ city: '柳州', year: 2026, kind: '一般会商' });
    await consultations.save(dialog);
    await expect.poll(() => consultations.roundTitle().innerText()).toBe('2026年柳州一般会商');
    await consultations.openTab('会商议题');
    await consultations.chooseTopicsFile(await file('柳州会商议题.xlsx', await cityTopics()));
    const wizard = new ImportWizardObject(profile.page);
    await expect.poll(() => wizard.sheetSummary().innerText()).toContain('共 3 行数据');
    await wizard.next();
    await expect.poll(() => wizard.mappingProblems().count()).toBe(0);
    await wizard.preview();
    expect(await wizard.counts()).toEqual({ ok: 2, duplicate: 0, error: 1 });
    expect(await wizard.previewText()).toContain('超过一般会商市上限 1000万元');
    await wizard.importButton().click();
    await wizard.root.waitFor({ state: 'detached' });
    await expect.poll(() => profile.page.getByLabel('资金合计').innerText()).toBe('项目资金合计 1000万元，一般会商市上限 1000万元');
    await expect.poll(() => consultations.topicsTable().getByRole('row').count()).toBe(3);
    expect(profile.errors).toEqual([]);
  });
});
