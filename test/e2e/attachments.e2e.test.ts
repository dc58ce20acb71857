import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { AppShell } from './pages/AppShell';
import { AdvisorDetailPage } from './pages/AdvisorDetailPage';
import { AdvisorsPage } from './pages/AdvisorsPage';
import { AttachmentsObject } from './pages/AttachmentsObject';
import { ExchangePage } from './pages/ExchangePage';
import { SettingsPage } from './pages/SettingsPage';

/**
 * 附件 (issue 11) on two office PCs: attach a PDF and a photo to an advisor's 聘金 record, preview
 * both, carry a bundle to the other machine and see (and save) the files there; a delete travels
 * as a tombstone and can be 恢复'd on the other side.
 */
const ADVISOR = '5809077d-56d4-440b-ac89-65f9ec8e0d7b'; // 陈思远 in the sample data: 聘金 2025 and 2026

interface Machine {
  profile: BrowserProfile;
  exchange: ExchangePage;
  settings: SettingsPage;
  detail: AdvisorDetailPage;
}

let a: Machine;
let b: Machine;
let dir: string;
let current: BrowserProfile | undefined;

async function machine(): Promise<Machine> {
  const profile = await openProfile();
  const m = { profile, exchange: new ExchangePage(profile.page), settings: new SettingsPage(profile.page), detail: new AdvisorDetailPage(profile.page) };
  await new AppShell(profile.page).open(profile.baseUrl);
  return m;
}

/** A one-page PDF with a line of text (xref offsets computed, so any reader accepts it). */
function samplePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = 'BT /F1 24 Tf 40 100 Td (Voucher 2025) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A 2×2 red PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==', 'base64');

const file = (name: string) => join(dir, name);

async function openStipendAttachments(m: Machine): Promise<AttachmentsObject> {
  await m.profile.page.goto(`${m.profile.baseUrl}#/advisors/${ADVISOR}`);
  await m.detail.openTab('聘金');
  const grid = m.profile.page.getByRole('grid', { name: '聘金发放' });
  await grid.waitFor();
  return AttachmentsObject.openFor(m.profile.page, grid, '2025');
}

/** 导入 on `m`, answering the large-delete question when the bundle asks it. */
async function importBundle(m: Machine, path: string) {
  await m.exchange.chooseBundle(path);
  await m.exchange.preview().waitFor();
  await m.exchange.preview().getByRole('button', { name: '确认导入' }).click();
  const ask = m.profile.page.getByRole('button', { name: '仍然导入' });
  const result = m.profile.page.getByTestId('import-result');
  await ask.or(result).first().waitFor();
  if (await ask.isVisible()) await ask.click();
  await result.waitFor();
  return result.innerText();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciledger-attachments-'));
  await writeFile(file('聘金凭证2025.pdf'), samplePdf());
  await writeFile(file('现场照片.png'), PNG);
  a = await machine();
  b = await machine();
  current = a.profile;
  await a.exchange.setMachineName('甲电脑');
  await b.exchange.setMachineName('乙电脑');
  await a.settings.loadSampleData();
});
reloadAfterFailure(() => current);
afterAll(async () => {
  await a?.profile.close();
  await b?.profile.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('附件 on a 聘金 record, carried to another machine', () => {
  it('attaches a PDF and a photo and previews both inside the app', async () => {
    current = a.profile;
    const panel = await openStipendAttachments(a);
    await panel.add([file('聘金凭证2025.pdf'), file('现场照片.png')]);
    const pdfRow = await panel.row('聘金凭证2025.pdf').innerText();
    expect(pdfRow).toContain('PDF');
    expect(pdfRow).toContain('未设置'); // who added it: the operator (none set here)
    expect(await panel.row('现场照片.png').innerText()).toContain('图片');

    const pdf = await panel.preview('聘金凭证2025.pdf');
    await expect.poll(() => pdf.locator('canvas[aria-label="第 1 页"]').getAttribute('data-state')).toBe('done');
    expect(await pdf.innerText()).toContain('共 1 页');
    await panel.closePreview(pdf);

    const photo = await panel.preview('现场照片.png');
    const img = photo.getByRole('img', { name: '现场照片.png' });
    await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(2);
    await panel.closePreview(photo);
    await panel.close();
    // The row shows how many files it has.
    await expect.poll(() => a.profile.page.getByRole('grid', { name: '聘金发放' }).getByRole('button', { name: '附件（2）' }).count()).toBe(1);
  });

  it('the roster filters 有/无附件: the advisor whose 聘金 carries the files is shown under 有附件 only', async () => {
    current = a.profile;
    const advisors = new AdvisorsPage(a.profile.page);
    await advisors.open(a.profile.baseUrl);
    const all = await advisors.roster.count();
    expect(all).toBeGreaterThan(1);
    await advisors.roster.filterAttachments('有附件');
    await expect.poll(() => advisors.roster.count()).toBe(1);
    await expect.poll(() => advisors.roster.rowLinks()).toContain('陈思远');
    await advisors.roster.filterAttachments('无附件');
    await expect.poll(() => advisors.roster.count()).toBe(all - 1);
    expect(await advisors.roster.rowLinks()).not.toContain('陈思远');
    await advisors.roster.filterAttachments('附件不限');
    await expect.poll(() => advisors.roster.count()).toBe(all);
  });

  it('a bundle carries the files: the other machine sees, previews and saves them', async () => {
    await a.exchange.exportUpdate(file('a1.sclb'));
    current = b.profile;
    const result = await importBundle(b, file('a1.sclb'));
    expect(result).toContain('甲电脑');
    expect(result).toContain('存入 2 个附件文件');
    const panel = await openStipendAttachments(b);
    await expect.poll(() => panel.dialog.innerText()).toContain('聘金凭证2025.pdf');
    expect(await panel.dialog.innerText()).not.toContain('文件未同步');
    const pdf = await panel.preview('聘金凭证2025.pdf');
    await expect.poll(() => pdf.locator('canvas[aria-label="第 1 页"]').getAttribute('data-state')).toBe('done');
    await panel.closePreview(pdf);
    const [download] = await Promise.all([b.profile.page.waitForEvent('download'), panel.row('现场照片.png').getByRole('button', { name: '另存为' }).click()]);
    expect(download.suggestedFilename()).toBe('现场照片.png');
    await download.saveAs(file('saved.png'));
    expect(Buffer.compare(await readFile(file('saved.png')), PNG)).toBe(0);
    await panel.close();
  });

  it('a delete syncs: the photo is gone on the other machine and can be restored there', async () => {
    current = a.profile;
    const onA = await openStipendAttachments(a);
    await onA.remove('现场照片.png');
    // The list follows the write through a live query: poll, the success message may come first.
    await expect.poll(() => onA.row('现场照片.png').innerText()).toContain('已删除');
    await onA.close();
    await a.exchange.exportUpdate(file('a2.sclb'));

    current = b.profile;
    await importBundle(b, file('a2.sclb'));
    const onB = await openStipendAttachments(b);
    await expect.poll(() => onB.row('现场照片.png').innerText()).toContain('已删除');
    expect(await onB.dialog.innerText()).toContain('共 1 个附件');
    await onB.restore('现场照片.png');
    await expect.poll(() => onB.dialog.innerText()).toContain('共 2 个附件');
    await onB.close();
  });

  it('logs no console errors on either machine', () => {
    expect(a.profile.errors).toEqual([]);
    expect(b.profile.errors).toEqual([]);
  });
});
