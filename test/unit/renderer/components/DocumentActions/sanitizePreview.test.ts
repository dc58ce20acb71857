import { strToU8, zipSync } from 'fflate';
import { parseAsync, renderDocument } from 'docx-preview';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSafePreviewUrl, sanitizePreviewNodes } from '../../../../../renderer/src/components/DocumentActions/sanitizePreview';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A .docx from "another machine": a javascript: hyperlink and a VML shape. */
function hostileDocx(): Uint8Array {
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:v="urn:schemas-microsoft-com:vml">
  <w:body>
    <w:p><w:hyperlink r:id="rIdEvil"><w:r><w:t>点此查看</w:t></w:r></w:hyperlink></w:p>
    <w:p><w:hyperlink w:anchor="第二节"><w:r><w:t>跳到第二节</w:t></w:r></w:hyperlink></w:p>
    <w:p><w:r><w:pict><v:rect style="width:20pt;height:20pt" fillcolor="red"/></w:pict></w:r></w:p>
  </w:body>
</w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/document.xml': strToU8(body),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(document.domain)" TargetMode="External"/></Relationships>`),
  });
}

function holder(nodes: Node[]): HTMLElement {
  const div = document.createElement('div');
  div.append(...nodes);
  return div;
}

// docx-preview sizes VML shapes with getBBox on the next frame; jsdom does no layout.
beforeAll(() => {
  Object.defineProperty(SVGElement.prototype, 'getBBox', { configurable: true, value: () => ({ x: 0, y: 0, width: 1, height: 1 }) });
});

describe('sanitizePreviewNodes', () => {
  it('docx-preview alone copies a javascript: link into the page (why this exists)', async () => {
    const nodes = await renderDocument(await parseAsync(hostileDocx(), { inWrapper: true }), { inWrapper: true });
    expect(holder(nodes).querySelector('a[href^="javascript:"]')).not.toBeNull();
  });

  it('removes the javascript: link and keeps in-document anchors and the text', async () => {
    const nodes = await renderDocument(await parseAsync(hostileDocx(), { inWrapper: true }), { inWrapper: true });
    const report = sanitizePreviewNodes(nodes);
    const page = holder(nodes);
    expect(page.querySelector('a[href^="javascript:"]')).toBeNull();
    expect(page.querySelector('a[href="#第二节"]')).not.toBeNull();
    expect(page.textContent).toContain('点此查看');
    expect(report.removedAttributes).toBeGreaterThanOrEqual(1);
  });

  it('strips handlers, active elements and foreign URLs anywhere in the tree (VML, SVG, HTML)', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('onclick', 'alert(1)');
    rect.setAttribute('fill', 'red');
    const animate = document.createElementNS('http://www.w3.org/2000/svg', 'set');
    animate.setAttribute('attributeName', 'href');
    const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    image.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', 'https://evil.example/track.png');
    const picture = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    picture.setAttribute('href', 'blob:app://sciledger/1234');
    svg.append(rect, animate, image, picture);
    const div = document.createElement('div');
    div.innerHTML = '<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe><a href="file:///C:/Windows/system32/calc.exe">计算器</a><img src="data:image/png;base64,AAAA">';
    const wrapper = document.createElement('section');
    wrapper.setAttribute('onmouseover', 'alert(1)');
    wrapper.append(svg, div);

    sanitizePreviewNodes([wrapper]);

    expect(wrapper.hasAttribute('onmouseover')).toBe(false);
    expect(rect.hasAttribute('onclick')).toBe(false);
    expect(rect.getAttribute('fill')).toBe('red');
    expect(wrapper.querySelector('set, iframe')).toBeNull();
    expect(image.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBeNull();
    expect(picture.getAttribute('href')).toBe('blob:app://sciledger/1234');
    const imgs = wrapper.querySelectorAll('img');
    expect(imgs[0].hasAttribute('onerror')).toBe(false);
    expect(imgs[0].hasAttribute('src')).toBe(false);
    expect(imgs[1].getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(wrapper.querySelector('a')!.hasAttribute('href')).toBe(false);
    expect(wrapper.textContent).toContain('计算器');
  });

  it('accepts only anchors and previewer-made images as URLs', () => {
    expect(isSafePreviewUrl('href', '#节')).toBe(true);
    expect(isSafePreviewUrl('src', 'blob:x')).toBe(true);
    expect(isSafePreviewUrl('href', ' javascript:alert(1)')).toBe(false);
    expect(isSafePreviewUrl('href', 'https://example.com')).toBe(false);
    expect(isSafePreviewUrl('src', 'data:text/html,<script>')).toBe(false);
  });
});
