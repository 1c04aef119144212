// A Mermaid xychart of each pipeline stage's most loaded device: a stacked bar of weights, KV
// cache, activations and runtime overhead against the usable capacity (a line).
// xychart-beta has no stacked bars: bars of one category overlap, so the running totals are drawn
// tallest first and each shorter one covers the part below it. A line needs two points to show,
// so the categories are padded with an unlabelled one on each side (zero-width spaces: Mermaid
// merges equal labels and trims blanks) whose bars lie below the axis, where nothing is drawn
// (a bar of 0 would still show a sliver): one stage reads like many.
import type { DeviceMemory } from '../core/types.js';

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Series colours, in drawing order (overhead, activations, KV, weights, then the line). */
const PALETTE = ['#cf222e', '#d4a72c', '#2da44e', '#0969da', '#1f2328'];
/** Chart size in px: GitHub draws it at this size in a comment about 800 px wide. */
const SIZE = { width: 640, height: 320 };
const PAD_LEFT = '\u200B';
const PAD_RIGHT = '\u200B\u200B';
const LEGEND = '🟦 weights · 🟩 KV cache · 🟨 activations · 🟥 runtime overhead';

export interface ChartOptions {
  /** label of each bar; default "stage N" (or "N" past six stages) */
  labels?: string[];
}

/** The parts of one bar, bottom up; null when the device's breakdown is not computable. */
function parts(d: DeviceMemory): [number, number, number, number] | null {
  if (d.weights_gib === null || d.total_gib === null) return null;
  const kv = d.kv_cache_gib ?? 0;
  const act = d.activations_gib ?? 0;
  const overhead = Math.max(0, d.total_gib - d.weights_gib - kv - act);
  return [d.weights_gib, kv, act, overhead];
}

const quoted = (labels: readonly string[]): string => labels.map((l) => `"${l.replace(/["\\]/g, '')}"`).join(', ');

/** The chart and its legend, or '' when there is nothing to draw. Totals not computable show the weights floor. */
export function renderMemoryChart(devices: readonly DeviceMemory[], options: ChartOptions = {}): string {
  if (devices.length === 0) return '';
  const broken = devices.map(parts);
  const complete = broken.every((p) => p !== null);
  const usable = devices.map((d) => d.usable_gib);
  const hasLine = usable.every((u): u is number => u !== null && Number.isFinite(u));
  // running totals bottom up: weights, +KV, +activations, +overhead
  const stacks = complete
    ? (broken as [number, number, number, number][]).map(([w, kv, a, o]) => [w + kv + a + o, w + kv + a, w + kv, w])
    : devices.map((d) => [d.total_gib ?? d.total_floor_gib]);
  const tops = stacks.map((s) => s[0]!);
  const top = Math.max(...tops, ...(hasLine ? usable : [])) || 1;
  const step = top > 200 ? 50 : top > 50 ? 10 : 5;
  const axisMax = Math.ceil((top * 1.08) / step) * step;
  const labels = options.labels ?? devices.map((d) => (devices.length > 6 ? String(d.stage) : `stage ${d.stage}`));
  const hidden = -axisMax;
  const pad = (values: number[]): string => `[${hidden}, ${values.map(round2).join(', ')}, ${hidden}]`;
  const series = stacks[0]!.length;
  const palette = complete ? PALETTE : [PALETTE[3], PALETTE[4]];
  const lines = [
    '```mermaid',
    `%%{init: {"xyChart": {"width": ${SIZE.width}, "height": ${SIZE.height}}, "themeVariables": {"xyChart": {"plotColorPalette": "${palette.join(', ')}"}}}}%%`,
    'xychart-beta',
    `  title "Memory per device vs usable (GiB)"`,
    `  x-axis ["${PAD_LEFT}", ${quoted(labels)}, "${PAD_RIGHT}"]`,
    `  y-axis "GiB" 0 --> ${axisMax}`,
  ];
  for (let i = 0; i < series; i++) lines.push(`  bar ${pad(stacks.map((s) => s[i]!))}`);
  if (hasLine) lines.push(`  line [${[usable[0]!, ...usable, usable[usable.length - 1]!].map(round2).join(', ')}]`);
  lines.push('```');
  const legend = complete
    ? `${LEGEND}${hasLine ? ' · line: usable (capacity less the reserve)' : ''}.`
    : `🟦 the weights floor: the breakdown is not computable from what the plan gives${hasLine ? ' · line: usable (capacity less the reserve)' : ''}.`;
  return `${lines.join('\n')}\n\n${legend}`;
}
