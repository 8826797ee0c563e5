/** The briefing's chart on screen: program coverage as horizontal bars (recharts), a pure function of its bars. */
import type { ReactElement } from 'react';
import { Bar, BarChart, LabelList, XAxis, YAxis } from 'recharts';
import type { DocBar } from './briefing-doc';
import { CSS_PX_PER_MM, FONT, FONT_FAMILY } from './layout';

/** Props of the coverage chart: bars with fractions 0–1, size in CSS px. */
export interface CoverageChartProps {
  readonly bars: readonly DocBar[];
  readonly width: number;
  readonly height: number;
}

const ACCENT = '#1d5f8a';
/** Width of the label column: the exported chart's 20 mm. */
const LABEL_PX = Math.round(20 * CSS_PX_PER_MM);

/** Horizontal bars 0–100 %, the value text at each bar's end. */
export function CoverageChart(props: CoverageChartProps): ReactElement {
  const rows = props.bars.map((b) => ({ label: b.label, pct: b.value === null ? 0 : b.value * 100, text: b.text }));
  const tick = { fontSize: `${FONT.table}pt`, fontFamily: FONT_FAMILY, fill: '#1f1f1f' };
  return (
    <BarChart
      width={props.width}
      height={props.height}
      data={rows}
      layout="vertical"
      margin={{ top: 0, right: 58, bottom: 0, left: 0 }}
      barCategoryGap="25%"
    >
      <XAxis type="number" domain={[0, 100]} hide />
      <YAxis
        type="category"
        dataKey="label"
        width={LABEL_PX}
        tickLine={false}
        axisLine={false}
        interval={0}
        // One line per label, left-aligned like the exported chart (recharts would wrap them).
        tick={(p: { y?: number | string; payload?: { value?: string | number } }) => (
          <text x={0} y={Number(p.y ?? 0)} dy="0.35em" {...tick}>
            {String(p.payload?.value ?? '')}
          </text>
        )}
      />
      <Bar dataKey="pct" fill={ACCENT} isAnimationActive={false} background={{ fill: '#e3ebf2' }}>
        <LabelList dataKey="text" position="right" style={{ ...tick, fontWeight: 'bold' }} />
      </Bar>
    </BarChart>
  );
}
