import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { PersonCount, UnitFigures } from '@/api/supervision';

// Only what the two bar charts need is bundled (ECharts is tree-shakable this way).
use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
> & { aria?: { enabled: boolean } };

/** Colours that keep 3:1 contrast on white and stay apart for colour-blind readers (red, amber, blue, purple). */
const COLOURS = { overdue: '#c0392b', dueSoon: '#b35c00', running: '#2f6fb0', missed: '#c0392b', late: '#7d3c98' };

type Labels = Record<'overdue' | 'dueSoon' | 'running' | 'missed' | 'late', string>;

/** Stacked bars per unit: overdue, due soon and in time (C2). */
export function unitChart(units: readonly UnitFigures[], labels: Labels): ChartOption {
  const bar = (key: 'overdue' | 'dueSoon' | 'running'): BarSeriesOption => ({
    type: 'bar',
    name: labels[key],
    stack: 'running',
    itemStyle: { color: COLOURS[key] },
    data: units.map((u) => u[key]),
  });
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: units.map((u) => u.unitId), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [bar('overdue'), bar('dueSoon'), bar('running')],
  };
}

/** Missed and late limits per unit and person (C2, L13, D12): who answers for how many. */
export function personChart(people: readonly PersonCount[], labels: Labels, unitWide: string): ChartOption {
  const names = people.map((p) => `${p.unitId} · ${p.responsibleUserId ?? unitWide}`);
  const bar = (key: 'missed' | 'late'): BarSeriesOption => ({
    type: 'bar',
    name: labels[key],
    itemStyle: { color: COLOURS[key] },
    data: people.map((p) => p[key]),
  });
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    // Room beyond ECharts' own label measure, which runs a little short for CJK text.
    grid: { left: 24, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [bar('missed'), bar('late')],
  };
}
