/** Zoom steps of the preview, as a share of the page's real size. */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.25, 1.5] as const;

/**
 * The zoom at which the widest page fits the viewer (issue 8 item 12: a landscape page 1122 px
 * wide was cropped in a 932 px viewer). Never enlarges past 100 %; `gutter` leaves room for
 * the page's shadow and the scrollbar.
 */
export function fitZoom(viewerWidth: number, pageWidth: number, gutter = 40): number {
  if (!(viewerWidth > 0) || !(pageWidth > 0)) return 1;
  return Math.max(0.25, Math.min(1, Math.floor(((viewerWidth - gutter) / pageWidth) * 100) / 100));
}

/** The next step up or down from `zoom`. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > zoom + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1];
  return [...ZOOM_STEPS].reverse().find((z) => z < zoom - 0.001) ?? ZOOM_STEPS[0];
}
