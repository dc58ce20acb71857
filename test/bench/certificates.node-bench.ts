/**
 * Plain Node bench (not a browser page): `node --import tsx test/bench/certificates.bench.ts`.
 * A ceremony's batch of 聘书 (seed 000 §三), 1,000 full-mode certificates in one file:
 *   - ours: packAppointmentCertificate, what the app runs (one section per certificate, each
 *     distinct page layout formatted once by docx and the texts substituted; byte-identical
 *     to packing buildAppointmentCertificate, see certificate-page.test.ts);
 *   - peer: a one-page template made once with our own builder, with docxtemplater tags
 *     ({number} {bodyText} {dateText} …) and a {#certs}…{/certs} loop around the page content
 *     plus a page break, filled by docxtemplater + pizzip for the same 1,000 records.
 * Prints seconds, ms per certificate and the ratio ours/peer. The template path cannot do what
 * the builder does per record (computed title spacing, validation), so it is a lower bound.
 */
import { performance } from 'node:perf_hooks';
import { Packer } from 'docx';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { toChineseDate } from '../../shared/format';
import { buildAppointmentCertificate, packAppointmentCertificate } from '../../shared/documents/advisors/appointment-certificate';
import type { CertificateRecord } from '../../shared/documents/advisors/certificate-input';

const N = Number(process.env.CERT_BENCH_N ?? 1000);
const SURNAMES = ['陈', '林', '周', '黄', '韦', '覃', '蓝', '莫', '梁', '吴'];
const GIVEN = ['思远', '若溪', '明哲', '清和', '海波', '雨桐', '子豪', '晓岚', '振宇', '文静'];

function records(n: number): CertificateRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}`;
    return {
      number: `桂科顾聘〔2025〕${i + 1}号`,
      name,
      bodyText: `兹聘请${name}院士为广西科技顾问，聘期自二〇二五年一月一日至二〇二七年十二月三十一日。`,
      issuer: '广西壮族自治区人民政府',
      issuedOn: '2025-01-08',
    };
  });
}

async function ours(certs: CertificateRecord[]): Promise<{ seconds: number; bytes: number }> {
  const t0 = performance.now();
  const bytes = await packAppointmentCertificate({ mode: 'full', orientation: 'landscape', certificates: certs });
  return { seconds: (performance.now() - t0) / 1000, bytes: bytes.length };
}

const TEMPLATE_DATE = '2099-09-09';

/** The one-page template: our builder's page with tags in the text and a loop around the body. */
async function makeTemplate(): Promise<Buffer> {
  const tagged: CertificateRecord = { number: '{number}', name: '{name}', bodyText: '{bodyText}', issuer: '{issuer}', issuedOn: TEMPLATE_DATE };
  const zip = new PizZip(await Packer.toBuffer(buildAppointmentCertificate({ mode: 'full', orientation: 'landscape', certificates: [tagged] })));
  let xml = zip.file('word/document.xml')!.asText();
  xml = xml.replace(toChineseDate(TEMPLATE_DATE, { numerals: 'chinese' }), '{dateText}');
  const sectPr = xml.lastIndexOf('<w:sectPr');
  const open = xml.indexOf('<w:body>') + '<w:body>'.length;
  xml =
    xml.slice(0, open) +
    '<w:p><w:r><w:t>{#certs}</w:t></w:r></w:p>' +
    xml.slice(open, sectPr) +
    '<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t>{/certs}</w:t></w:r></w:p>' +
    xml.slice(sectPr);
  zip.file('word/document.xml', xml);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function peer(template: Buffer, certs: CertificateRecord[]): { seconds: number; bytes: number; pages: number } {
  const t0 = performance.now();
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render({ certs: certs.map((c) => ({ ...c, dateText: toChineseDate(c.issuedOn, { numerals: 'chinese' }) })) });
  const out = doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
  const seconds = (performance.now() - t0) / 1000;
  const pages = (doc.getZip().file('word/document.xml')!.asText().match(/<w:br w:type="page"\/>/g) ?? []).length;
  return { seconds, bytes: out.length, pages };
}

function line(label: string, seconds: number, n: number, bytes: number): string {
  return `${label}  ${seconds.toFixed(2)} s  ${((seconds * 1000) / n).toFixed(2)} ms/份  ${(bytes / 1024).toFixed(0)} KB`;
}

const certs = records(N);
await ours(records(20)); // warm-up: JIT and module initialisation
const template = await makeTemplate();
peer(template, records(20));

const a = await ours(certs);
const b = peer(template, certs);
if (b.pages !== N) throw new Error(`模板填充结果应有 ${N} 个分页符，实际 ${b.pages} 个`);
console.log(line(`聘书批量 ${N} 份（本项目 docx 构建）`, a.seconds, N, a.bytes));
console.log(line(`聘书批量 ${N} 份（docxtemplater 模板填充）`, b.seconds, N, b.bytes));
console.log(`耗时比（本项目/docxtemplater）  ${(a.seconds / b.seconds).toFixed(2)}`);
