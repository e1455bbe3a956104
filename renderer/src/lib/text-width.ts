// How wide a label will be drawn, so SVG text (which never wraps by itself) can be broken in time.
let context: CanvasRenderingContext2D | null | undefined;

/** The text's width in CSS pixels in the given CSS font; a rough estimate where canvas is missing. */
export function textWidth(text: string, font: string): number {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  context.font = font;
  return context.measureText(text).width;
}
