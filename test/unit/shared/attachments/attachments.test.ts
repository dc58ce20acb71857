import { describe, expect, it } from 'vitest';
import { attachmentLimitBytes, cleanAttachmentName, kindLabel, mimeOf, pureSha256Hex, sniffPreview } from '../../../../shared/attachments';
import { attachmentSchema } from '../../../../shared/domain/attachments/schema';

describe('attachment names', () => {
  it('keeps only the last path segment and drops control and Windows-forbidden characters', () => {
    expect(cleanAttachmentName('C:\\扫描件\\2025\\聘金凭证.pdf')).toEqual({ name: '聘金凭证.pdf', changed: true });
    expect(cleanAttachmentName('../../etc/passwd')?.name).toBe('passwd');
    expect(cleanAttachmentName('凭\u0000证\u001f.pdf')?.name).toBe('凭证.pdf');
    expect(cleanAttachmentName('a<b>c|d?.png')?.name).toBe('a_b_c_d_.png');
    expect(cleanAttachmentName('备案函.docx. . ')?.name).toBe('备案函.docx');
    expect(cleanAttachmentName('现场照片.jpg')).toEqual({ name: '现场照片.jpg', changed: false });
  });

  it('refuses names with nothing usable left', () => {
    for (const bad of ['', '..', '/', 'C:\\', '\u0001\u0002', '???']) expect(cleanAttachmentName(bad)).toBeNull();
  });

  it('bounds the length and keeps the extension', () => {
    const long = cleanAttachmentName(`${'很长的文件名'.repeat(40)}.pdf`)!;
    expect(long.name.length).toBe(120);
    expect(long.name.endsWith('.pdf')).toBe(true);
  });

  it('the schema refuses what cleaning would have removed (a crafted bundle)', () => {
    const base = { id: crypto.randomUUID(), table: 'advisorStipends', recordId: crypto.randomUUID(), mime: 'application/pdf', size: 10, sha256: 'a'.repeat(64), addedBy: '李科员', addedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    expect(attachmentSchema.safeParse({ ...base, name: '凭证.pdf' }).success).toBe(true);
    expect(attachmentSchema.safeParse({ ...base, name: '..\\evil.exe' }).success).toBe(false);
    expect(attachmentSchema.safeParse({ ...base, name: 'a\u0007.pdf' }).success).toBe(false);
    expect(attachmentSchema.safeParse({ ...base, name: '凭证.pdf', size: 0 }).success).toBe(false);
  });
});

describe('attachment kinds', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n');
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  it('previews only what the bytes are, never what the name claims', () => {
    expect(sniffPreview(pdf)).toEqual({ kind: 'pdf', mime: 'application/pdf' });
    expect(sniffPreview(png)).toEqual({ kind: 'image', mime: 'image/png' });
    expect(sniffPreview(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe('image/jpeg');
    expect(sniffPreview(svg)).toBeNull();
    expect(mimeOf('伪装.pdf', svg)).toBe('application/pdf'); // stored mime by name, but…
    expect(sniffPreview(svg)).toBeNull(); // …预览 decides from the bytes
    expect(mimeOf('图.svg', svg)).toBe('application/octet-stream');
  });

  it('labels kinds in the clerk’s words', () => {
    expect(kindLabel('a.pdf', 'application/pdf')).toBe('PDF');
    expect(kindLabel('a.jpg', 'image/jpeg')).toBe('图片');
    expect(kindLabel('a.docx', 'x')).toBe('Word 文档');
    expect(kindLabel('a.dat', 'application/octet-stream')).toBe('DAT 文件');
  });
});

describe('limits and hashing', () => {
  it('the per-file limit defaults to 50 MB and is capped so a file fits a bundle', () => {
    expect(attachmentLimitBytes(undefined)).toBe(50 * 1024 * 1024);
    expect(attachmentLimitBytes(500)).toBe(150 * 1024 * 1024);
    expect(attachmentLimitBytes(0)).toBe(1024 * 1024);
  });

  it('pure SHA-256 matches the known digest', async () => {
    expect(await pureSha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
