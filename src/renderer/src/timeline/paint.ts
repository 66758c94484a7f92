import type { Shape } from './timeline-layout';

const FONT = `system-ui, -apple-system, 'Segoe UI', 'Cantarell', 'Noto Sans', sans-serif`;

/** Paints the shapes on a canvas sized in CSS pixels (`scale` is the device's pixel ratio). */
export function paintShapes(context: CanvasRenderingContext2D, shapes: readonly Shape[], scale: number): void {
  context.setTransform(scale, 0, 0, scale, 0, 0);
  for (const shape of shapes) {
    if (shape.kind === 'rect') {
      context.globalAlpha = shape.opacity ?? 1;
      context.fillStyle = shape.fill;
      context.fillRect(shape.x, shape.y, shape.width, shape.height);
      context.globalAlpha = 1;
    } else if (shape.kind === 'line') {
      context.strokeStyle = shape.stroke;
      context.lineWidth = shape.width;
      context.beginPath();
      context.moveTo(shape.x1, shape.y1);
      context.lineTo(shape.x2, shape.y2);
      context.stroke();
    } else if (shape.kind === 'text') {
      context.fillStyle = shape.fill;
      context.font = `${shape.bold ? '600 ' : ''}${shape.size}px ${FONT}`;
      context.fillText(shape.text, shape.x, shape.y);
    } else {
      context.fillStyle = shape.fill;
      context.beginPath();
      context.moveTo(shape.x, shape.y - shape.radius);
      context.lineTo(shape.x + shape.radius, shape.y);
      context.lineTo(shape.x, shape.y + shape.radius);
      context.lineTo(shape.x - shape.radius, shape.y);
      context.closePath();
      context.fill();
    }
  }
}

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const titled = (title: string | undefined) => (title ? `<title>${escaped(title)}</title>` : '');
const n = (value: number) => String(Math.round(value * 100) / 100);

/** The same shapes as an SVG document; a span's and a note's whole title travel as its <title>. */
export function shapesToSvg(shapes: readonly Shape[], width: number, height: number): string {
  const body = shapes.map((shape) => {
    if (shape.kind === 'rect') {
      const opacity = shape.opacity === undefined ? '' : ` fill-opacity="${shape.opacity}"`;
      const attributes = `x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" fill="${shape.fill}"${opacity}`;
      return shape.title ? `<rect ${attributes}>${titled(shape.title)}</rect>` : `<rect ${attributes}/>`;
    }
    if (shape.kind === 'line')
      return `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}" stroke="${shape.stroke}" stroke-width="${shape.width}"/>`;
    if (shape.kind === 'text')
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${shape.size}"${shape.bold ? ' font-weight="600"' : ''} fill="${shape.fill}">${escaped(shape.text)}</text>`;
    const { x, y, radius: r } = shape;
    return `<polygon points="${n(x)},${n(y - r)} ${n(x + r)},${n(y)} ${n(x)},${n(y + r)} ${n(x - r)},${n(y)}" fill="${shape.fill}">${titled(shape.title)}</polygon>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escaped(FONT)}">`,
    ...body,
    '</svg>',
    ''
  ].join('\n');
}
