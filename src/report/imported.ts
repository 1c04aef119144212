// Where each figure came from when not from the plan file itself: a manifest or engine command
// line (deployment.from), a Hugging Face config.json, or a preset. File origins are listed key by
// key with their file:line; presets in one line each (their figures are cited in the presets).
import { escapeLine, escapeMarkdown } from './escape.js';
import { countOf } from '../core/figures.js';

const code = (key: string): string => (/^[A-Za-z0-9_.-]+$/.test(key) ? `\`${key}\`` : escapeMarkdown(key));

/** The folded "Imported" list, or '' when every figure is the plan's own. */
export function importedSection(origins: Record<string, string> | undefined): string {
  if (!origins) return '';
  const entries = Object.entries(origins);
  const fromFiles = entries.filter(([, origin]) => !origin.startsWith('preset:'));
  const presets = new Map<string, string[]>();
  for (const [key, origin] of entries) {
    if (!origin.startsWith('preset:')) continue;
    const id = origin.slice('preset:'.length);
    presets.set(id, [...(presets.get(id) ?? []), key]);
  }
  if (fromFiles.length === 0 && presets.size === 0) return '';
  const lines = fromFiles.map(([key, origin]) => `- ${code(key)} ← ${escapeLine(origin)}`);
  for (const [id, keys] of presets) {
    const sections = [...new Set(keys.map((k) => k.split('.')[0]))].join(' and ');
    lines.push(`- ${countOf(keys.length, `${sections} figure`)} ← preset ${code(id)}`);
  }
  const count = fromFiles.length > 0 ? `${fromFiles.length} from files` : 'from presets';
  return `<details><summary>Imported (${count})</summary>\n\n${lines.join('\n')}\n\n</details>`;
}
