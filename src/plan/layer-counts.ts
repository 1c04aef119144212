// The layers a model's kinds of attention name are among its layers: model.sliding_window_layers and
// model.linear_attention.layers (a plan's own, or counted from a config.json's layer_types, which may list
// more entries than num_hidden_layers) each at most model.layers, and together too, since a layer is one
// kind. More left the full-attention layers negative: a KV cache of 0 tokens beside a memory check that
// passed (an importer attack). Values are not quoted: they may be a file's.
import type { PlanError } from '../core/types.js';
import { quote } from './source.js';

type Values = Record<string, unknown>;

const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

/** Errors for layer counts of the resolved `model` past its model.layers; `origins` say where imported ones came from. */
export function layerCountErrors(model: Values, origins: Record<string, string>, lines: Record<string, number>): PlanError[] {
  const layers = count(model.layers);
  if (layers === undefined) return [];
  const linear = model.linear_attention;
  const parts: [string, number | undefined][] = [
    ['model.sliding_window_layers', count(model.sliding_window_layers)],
    ['model.linear_attention.layers', linear !== null && typeof linear === 'object' ? count((linear as Values).layers) : undefined],
  ];
  const given = parts.filter((p): p is [string, number] => p[1] !== undefined);
  const where = (path: string): string => {
    const origin = origins[path];
    return origin === undefined ? '' : ` (from ${quote(origin, 200)})`;
  };
  const lineOf = (path: string): number | undefined =>
    lines[path] ?? (origins[path]?.startsWith('preset:') ? lines['model.preset'] : lines['model.hf_config']) ?? lines.model;
  const errors: PlanError[] = [];
  const over = given.filter(([, n]) => n > layers);
  for (const [path] of over) {
    const line = lineOf(path);
    errors.push({
      message: `${path}${where(path)} counts more layers than model.layers${where('model.layers')}: a model's layers of one kind are among its layers`,
      path,
      ...(line !== undefined ? { line } : {}),
    });
  }
  if (over.length === 0 && given.length === 2 && (given[0] as [string, number])[1] + (given[1] as [string, number])[1] > layers) {
    const line = lineOf('model.linear_attention.layers');
    errors.push({
      message: `model.sliding_window_layers${where('model.sliding_window_layers')} and model.linear_attention.layers${where('model.linear_attention.layers')} together count more layers than model.layers${where('model.layers')}: each layer is of one kind`,
      path: 'model.linear_attention.layers',
      ...(line !== undefined ? { line } : {}),
    });
  }
  return errors;
}
