// Where each node of the chain picture goes, for the width the picture has.

export const CHAIN = {
  /** The node boxes: top, height; room above and below for the root cause's ring and caption. */
  nodeTop: 4,
  nodeHeight: 38,
  /** Without a root cause there is no caption under the nodes. */
  height: 46,
  heightWithCaption: 60,
  captionBaseline: 57,
  padding: 8,
  icon: 16,
  lineHeight: 14,
  /** Below this width the labels no longer fit their boxes: the picture scrolls instead. */
  minWidth: 880,
} as const;

export interface NodeBox {
  x: number;
  width: number;
  /** The label in one line, or in two when one does not fit. */
  lines: string[];
}

/** One line when it fits, else two lines broken at the space nearest the middle. */
function labelLines(label: string, room: number, measure: (text: string) => number): string[] {
  if (measure(label) <= room) return [label];
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return [label];
  const middle = label.length / 2;
  const at = spaces.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
  return [label.slice(0, at), label.slice(at + 1)];
}

/** Equal boxes across the width, with room between them for the arrows. */
export function chainLayout(
  labels: readonly string[],
  width: number,
  gap: number,
  measure: (text: string) => number,
): NodeBox[] {
  const count = labels.length;
  const boxWidth = Math.max(40, (width - gap * (count - 1) - 2) / count);
  const room = boxWidth - labelOffset() - CHAIN.padding;
  return labels.map((label, index) => ({
    x: 1 + index * (boxWidth + gap),
    width: boxWidth,
    lines: labelLines(label, room, measure),
  }));
}

/** Where a node's label starts, from the node's left edge: after the status icon. */
export function labelOffset(): number {
  return CHAIN.padding + CHAIN.icon + 6;
}
