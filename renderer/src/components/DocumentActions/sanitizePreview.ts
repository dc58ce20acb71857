/**
 * docx-preview copies what a document says into the page: hyperlink targets verbatim (a
 * "javascript:" link passes), VML attributes onto SVG elements, textboxes into
 * <foreignObject>. For a document built here that is harmless; for one that came from another
 * machine (附件) it is markup written by a stranger. Every preview therefore goes through this
 * before it is attached to the page: handlers, active elements and every URL that is not an
 * in-document anchor or an image the previewer itself made (blob:/data:image) are removed.
 */

/** Elements that run code, load or submit something, or rewrite attributes (SVG animation). */
const DROPPED_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'base',
  'meta',
  'link',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'animate',
  'set',
  'animatemotion',
  'animatetransform',
  'use',
]);

/** Attributes holding a URL (any namespace: xlink:href is "href" too). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'data', 'ping', 'lowsrc', 'dynsrc']);

const SAFE_IMAGE_URL = /^(blob:|data:image\/(png|jpe?g|gif|webp|bmp|x-emf|x-wmf|svg\+xml);)/i;

export function isSafePreviewUrl(attribute: string, value: string): boolean {
  const trimmed = value.trim();
  if (attribute === 'href' && trimmed.startsWith('#')) return true;
  return (attribute === 'src' || attribute === 'href') && SAFE_IMAGE_URL.test(trimmed);
}

export interface PreviewSanitizeReport {
  removedElements: number;
  removedAttributes: number;
}

function sanitizeElement(element: Element, report: PreviewSanitizeReport): boolean {
  if (DROPPED_ELEMENTS.has(element.localName.toLowerCase())) {
    element.remove();
    report.removedElements += 1;
    return false;
  }
  for (const attribute of [...element.attributes]) {
    const name = attribute.localName.toLowerCase();
    const unsafe = name.startsWith('on') || (URL_ATTRIBUTES.has(name) && !isSafePreviewUrl(name, attribute.value));
    if (unsafe) {
      element.removeAttributeNode(attribute);
      report.removedAttributes += 1;
    }
  }
  return true;
}

/** Cleans rendered preview nodes in place (before they are attached to the page). */
export function sanitizePreviewNodes(nodes: Iterable<Node>): PreviewSanitizeReport {
  const report: PreviewSanitizeReport = { removedElements: 0, removedAttributes: 0 };
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const root = node as Element;
    if (!sanitizeElement(root, report)) continue;
    // A static list: removing an element while walking must not skip its siblings.
    for (const element of [...root.querySelectorAll('*')]) {
      if (root.contains(element)) sanitizeElement(element, report);
    }
  }
  return report;
}
