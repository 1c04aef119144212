// Soundness on the measured disaggregated runs (../shared/data/silicon-calibration.csv): every
// complete disaggregated row (both pools' layouts and worker counts), converted into a plan as
// validation/silicon.mjs does, must pass its pools' layout and memory checks, and no measured TTFT
// or TPOT may fall below the floor the core computes for it. Accuracy is reported by `npm run validate`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan, verifyLoadedPlan } from '../src/core/index.js';
import { hardwarePreset } from '../src/presets/hardware.js';
import { modelPreset } from '../src/presets/models.js';
// @ts-expect-error plain JavaScript module of the validation scripts
import { convertSiliconDisagg, verifySilicon } from '../validation/silicon-eval.mjs';
// @ts-expect-error plain JavaScript module of the validation scripts
import { RECIPE_PREFILL_TOKENS, prefillPassTokens } from '../validation/silicon.mjs';

const CSV = resolve('..', 'shared', 'data', 'silicon-calibration.csv');

interface SiliconResult {
  item: { row: { id: string }; plan: { disaggregation?: unknown } };
  partial: string | null;
  rejected: string[];
  below: string[];
  ttftRatio: number | null;
  tpotRatio: number | null;
}

const core = {
  verifyPlanText: (file: string, text: string, readReference: Parameters<typeof loadPlan>[2]) => {
    const r = loadPlan(file, text, readReference);
    return r.ok ? verifyLoadedPlan(r.loaded) : { file, name: file, verdict: 'error', checks: [], metrics: null, errors: r.errors };
  },
};

describe('measured disaggregated runs of the calibration half', () => {
  it('the sample is beside the project', () => {
    expect(existsSync(CSV), `${CSV} is missing`).toBe(true);
  });

  const presets = { modelPresetExists: (id: string) => !!modelPreset(id), hardwarePresetExists: (id: string) => !!hardwarePreset(id) };
  const converted = existsSync(CSV) ? convertSiliconDisagg(CSV, presets) : { total: 0, items: [], skipped: {} };
  const results: SiliconResult[] = existsSync(CSV) ? verifySilicon(core, converted.items) : [];
  const verified = results.filter((r) => !r.partial);

  it('converts every row that states both pools and their worker counts, as a disaggregated plan', () => {
    const reasons = Object.keys(converted.skipped);
    expect(reasons.every((r) => r.startsWith('no worker counts'))).toBe(true);
    expect(verified.length).toBeGreaterThan(100);
    expect(verified.every((r) => r.item.plan.disaggregation !== undefined)).toBe(true);
  });

  it("rejects no real run (both pools' layout and memory checks pass)", () => {
    expect(verified.filter((r) => r.rejected.length > 0).map((r) => `${r.item.row.id}: ${r.rejected[0]}`)).toEqual([]);
  });

  it('has no measured TTFT or TPOT below its floor', () => {
    expect(verified.filter((r) => r.below.length > 0).map((r) => `${r.item.row.id}: ${r.below.join('; ')}`)).toEqual([]);
  });

  it('estimates TTFT and TPOT for every row', () => {
    expect(verified.filter((r) => r.ttftRatio === null || r.tpotRatio === null).map((r) => r.item.row.id)).toEqual([]);
  });
});

describe("a disaggregated row's prefill pass", () => {
  const inferencex = { kind: 'inferencex' };
  it("InferenceX runs: the recipes' context budget (16,384 tokens per rank), at least the longest prompt", () => {
    expect(RECIPE_PREFILL_TOKENS).toBe(16384);
    // 1k/1k: TensorRT-LLM's context servers take 8 prompts (max_num_tokens 10,240); the budget holds 16
    expect(prefillPassTokens({ prefill_batch_size: '1' }, inferencex, 1024)).toBe(16384);
    // a prompt longer than the budget is never chunked across passes
    expect(prefillPassTokens({ prefill_batch_size: '1' }, inferencex, 20000)).toBe(20000);
    // a row's larger batch stands
    expect(prefillPassTokens({ prefill_batch_size: '4' }, inferencex, 8192)).toBe(32768);
  });
  it("other sweeps keep the row's batch of the longest prompt", () => {
    expect(prefillPassTokens({ prefill_batch_size: '1' }, { kind: 'sweep' }, 4000)).toBe(4000);
    expect(prefillPassTokens({ prefill_batch_size: '' }, { kind: 'sweep' }, 4000)).toBe(4000);
  });
});
