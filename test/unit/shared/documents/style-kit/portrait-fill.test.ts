import { Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { bodyLines, fillPortraitPages, type Block } from '../../../../../shared/documents/style-kit/portrait-fill';

const block = (lines: number, keepWithNext = false): Block => ({ node: new Paragraph({}), lines, keepWithNext });

describe('fillPortraitPages', () => {
  it('keeps content that fits one page together', () => {
    const blocks = [block(10), block(8)];
    expect(fillPortraitPages(blocks)).toEqual({ portrait: blocks, carried: [] });
  });

  it('carries what would only start another page over to the landscape section', () => {
    const blocks = [block(3), block(9), block(6), block(3), block(2)]; // 23 lines: one page and 3 lines
    const { portrait, carried } = fillPortraitPages(blocks);
    expect(portrait).toEqual(blocks.slice(0, 3));
    expect(carried).toEqual(blocks.slice(3));
  });

  it('never ends the portrait part with a heading', () => {
    const blocks = [block(10), block(9), block(1, true), block(3)];
    const { portrait, carried } = fillPortraitPages(blocks);
    expect(portrait).toEqual(blocks.slice(0, 2));
    expect(carried).toEqual(blocks.slice(2));
  });

  it('counts 28 characters a line after a 2-character indent', () => {
    expect(bodyLines('字'.repeat(26))).toBe(1);
    expect(bodyLines('字'.repeat(27))).toBe(2);
  });
});
