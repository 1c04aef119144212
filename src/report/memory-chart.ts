// A Mermaid xychart of each pipeline stage's device memory against its usable capacity.
// GitHub renders ```mermaid blocks; xychart-beta draws one bar per stage and a line for the limit.
import type { DeviceMemory } from '../core/types.js';

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The chart, or '' when there is nothing to draw. Totals that are not computable show the weights floor.
 * `labels`: one x-axis label per device (default "stage N"; a disaggregated plan names its pools).
 */
export function renderMemoryChart(devices: readonly DeviceMemory[], labels?: readonly string[]): string {
  if (devices.length === 0) return '';
  const bars = devices.map((d) => round2(d.total_gib ?? d.total_floor_gib));
  const usable = devices.map((d) => d.usable_gib);
  const hasLine = usable.every((u): u is number => u !== null && Number.isFinite(u));
  const top = Math.max(...bars, ...(hasLine ? usable : [])) || 1;
  const axisMax = Math.ceil((top * 1.1) / 10) * 10;
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "Memory per device vs usable capacity (GiB)"`,
    `  x-axis [${devices.map((d, i) => `"${(labels?.[i] ?? `stage ${d.stage}`).replace(/[^A-Za-z0-9 ._-]/g, '')}"`).join(', ')}]`,
    `  y-axis "GiB" 0 --> ${axisMax}`,
    `  bar [${bars.join(', ')}]`,
  ];
  if (hasLine) lines.push(`  line [${usable.map(round2).join(', ')}]`);
  lines.push('```');
  const partial = devices.some((d) => d.total_gib === null);
  const legend = `Bars: memory of each ${labels ? 'pool\'s stage\'s' : 'stage\'s'} most loaded device${partial ? ' (the weights floor where the total is not computable)' : ''}${hasLine ? '; line: usable capacity (capacity less the reserve)' : ''}.`;
  return `${lines.join('\n')}\n\n${legend}`;
}
