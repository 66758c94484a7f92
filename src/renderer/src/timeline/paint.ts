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
