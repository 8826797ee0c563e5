/** The painter for the screen and the browser's print: SVG elements in a viewBox measured in mm. */
import type { ReactElement } from 'react';
import { CSS_PX_PER_MM, FONT_FAMILY, MM_PER_PT } from './layout';
import type { Painter } from './paint';

/** An image on the SVG page: a data: URL (the CSP allows data: images). */
export interface SvgImage {
  readonly href: string;
}

let measureCtx: CanvasRenderingContext2D | null | undefined;

/** Text width in mm with the page font, measured on a 2D canvas; an average-glyph estimate without one (jsdom). */
export function measureText(text: string, size: number, bold: boolean): number {
  if (measureCtx === undefined) {
    try {
      measureCtx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      measureCtx = null;
    }
  }
  if (!measureCtx) return text.length * size * MM_PER_PT * (bold ? 0.58 : 0.52);
  measureCtx.font = `${bold ? 'bold ' : ''}${size}pt ${FONT_FAMILY}`;
  return measureCtx.measureText(text).width / CSS_PX_PER_MM;
}

/** A painter that collects SVG elements into `out`. */
export function svgPainter(out: ReactElement[]): Painter<SvgImage> {
  const key = (): string => `e${out.length}`;
  return {
    rect(box, fill, stroke, strokeWidth = 0.2) {
      out.push(
        <rect
          key={key()}
          x={box.x}
          y={box.y}
          width={box.w}
          height={box.h}
          fill={fill ?? 'none'}
          stroke={stroke ?? undefined}
          strokeWidth={stroke ? strokeWidth : undefined}
        />,
      );
    },
    line(x1, y1, x2, y2, color, width) {
      out.push(<line key={key()} x1={x1} y1={y1} x2={x2} y2={y2} stroke={color} strokeWidth={width} />);
    },
    polygon(points, fill) {
      out.push(<polygon key={key()} points={points.map(([x, y]) => `${x},${y}`).join(' ')} fill={fill} />);
    },
    text(text, x, y, style) {
      out.push(
        <text
          key={key()}
          x={x}
          y={y}
          fontSize={style.size * MM_PER_PT}
          fontWeight={style.bold ? 'bold' : 'normal'}
          fill={style.color ?? '#000000'}
          textAnchor={style.align === 'right' ? 'end' : style.align === 'center' ? 'middle' : 'start'}
        >
          {text}
        </text>,
      );
    },
    measure: measureText,
    image(image, box) {
      out.push(<image key={key()} href={image.href} x={box.x} y={box.y} width={box.w} height={box.h} preserveAspectRatio="none" />);
    },
  };
}
