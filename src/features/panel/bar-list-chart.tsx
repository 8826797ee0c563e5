/** A small horizontal bar chart (recharts) of labelled values, each bar with its own colour and text. */
import type { ReactElement } from 'react';
import { Bar, BarChart, LabelList, XAxis, YAxis, type BarShapeProps } from 'recharts';

/** One bar: `value` sets the length (0 for no bar), `text` is printed after it. */
export interface BarDatum {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly text: string;
  readonly fill: string;
}

/** Pixel sizes of a bar chart; fixed so that it also renders where nothing can be measured (jsdom). */
export interface ChartSize {
  /** Chart width in px (default 320). */
  readonly width?: number;
  /** Height of one band in px (default 24). */
  readonly band?: number;
  /** Width of the category labels in px (default 110). */
  readonly labelWidth?: number;
  /** Room for the text after the longest bar in px (default 64). */
  readonly textRoom?: number;
}

const domainMax = (max: number): number => (max > 0 ? max : 1);

function shape(props: BarShapeProps): ReactElement {
  const d = props.payload as BarDatum;
  return (
    <rect
      x={props.x}
      y={props.y}
      width={Math.max(0, props.width)}
      height={props.height}
      fill={d.fill}
    />
  );
}

/**
 * Horizontal bars with the category label on the left and the formatted text on the right. The
 * chart is decoration for sighted users (aria-hidden): callers must render the same numbers as text.
 */
export function BarListChart(props: { data: readonly BarDatum[] } & ChartSize): ReactElement {
  const { data, width = 320, band = 24, labelWidth = 110, textRoom = 64 } = props;
  return (
    <div className="panel-chart" aria-hidden="true">
      <BarChart
        layout="vertical"
        width={width}
        height={data.length * band + 8}
        data={data}
        margin={{ top: 4, right: textRoom, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide domain={[0, domainMax]} />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          tick={{ fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          interval={0}
        />
        <Bar
          dataKey="value"
          isAnimationActive={false}
          shape={shape}
          barSize={Math.round(band * 0.65)}
        >
          <LabelList dataKey="text" position="right" fontSize={12} fill="#1f2328" />
        </Bar>
      </BarChart>
    </div>
  );
}
