/**
 * What a phone's window looks like before it opens: its size (the phone face of its model and a
 * margin, as shared/phone-models.ts and the stylesheet draw it), its title ("SEP00AA11BB22CC
 * (Cisco 8845)"), and where Window > Tile Phones puts each open phone window on the screen.
 */
import { PHONE_FACE_SIZE, phoneFaceForm, phoneModel } from '../../shared/phone-models';
import type { Rect } from './window-state';

/** The page's margin around the face (`.single-phone` padding). */
const MARGIN = 16;

/** The window's content size for a phone of this model. */
export function phoneWindowSize(modelId: string): { width: number; height: number } {
  const face = PHONE_FACE_SIZE[phoneFaceForm(modelId)];
  return { width: face.width + 2 * MARGIN, height: face.height + 2 * MARGIN };
}

/** "SEP00AA11BB22CC (Cisco 8845)"; a model the catalogue does not know is named as the lab has it. */
export function phoneWindowTitle(deviceName: string, modelId: string): string {
  return `${deviceName} (${phoneModel(modelId)?.name ?? `Cisco ${modelId}`})`;
}

/** The page's query for a phone's window (`?phone=NAME`, see renderer/src/main.tsx). */
export function phoneWindowQuery(deviceName: string): Record<string, string> {
  return { phone: deviceName };
}

/** Space between tiled windows, and the step of each further layer when they do not all fit. */
const GAP = 8;
const LAYER_STEP = 32;

/**
 * Tile Phones: the windows in rows across the work area, left to right then top to bottom, each
 * at its own size. When the screen is full, the next windows start again at the top left, a step
 * down and right, so every title bar stays visible (a lab with hundreds of phones has more
 * windows than any screen holds).
 */
export function tileLayout(sizes: readonly { width: number; height: number }[], workArea: Rect): Rect[] {
  const out: Rect[] = [];
  let layer = 0;
  let x = workArea.x;
  let y = workArea.y;
  let rowHeight = 0;
  const originX = () => workArea.x + layer * LAYER_STEP;
  const originY = () => workArea.y + layer * LAYER_STEP;
  for (const size of sizes) {
    const width = Math.min(size.width, workArea.width);
    const height = Math.min(size.height, workArea.height);
    if (x + width > workArea.x + workArea.width && x > originX()) {
      x = originX();
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    if (y + height > workArea.y + workArea.height && y > originY()) {
      // Wrap to the next layer; past the step that still fits, start over at the corner.
      layer = (layer + 1) * LAYER_STEP + width > workArea.width || (layer + 1) * LAYER_STEP + height > workArea.height ? 0 : layer + 1;
      x = originX();
      y = originY();
      rowHeight = 0;
    }
    out.push({ x, y, width, height });
    x += width + GAP;
    rowHeight = Math.max(rowHeight, height);
  }
  return out;
}
