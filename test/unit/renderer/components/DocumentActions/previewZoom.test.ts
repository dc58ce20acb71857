import { describe, expect, it } from 'vitest';
import { fitZoom, stepZoom } from '../../../../../renderer/src/components/DocumentActions/previewZoom';

describe('preview zoom (issue 8 item 12)', () => {
  it('fits a landscape page 1122 px wide into a narrower viewer, never enlarging', () => {
    const zoom = fitZoom(932, 1122);
    expect(1122 * zoom).toBeLessThanOrEqual(932 - 40);
    expect(zoom).toBeGreaterThan(0.75);
    expect(fitZoom(1200, 794)).toBe(1);
    expect(fitZoom(0, 794)).toBe(1);
  });
  it('steps through the zoom levels', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(0.79, -1)).toBe(0.75);
    expect(stepZoom(0.5, -1)).toBe(0.5);
  });
});
