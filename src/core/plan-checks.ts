// Checks about the plan file itself rather than its layout: what an importer or the config.json
// reader could not map with certainty, a stated parameter count against the model's shape, and
// workload keys that the rest of the plan leaves without effect.
import { round } from './figures.js';
import { paramsFromShape } from './modelFacts.js';
import type { Check, LoadedPlan } from './types.js';

/** The check a loader warning becomes, by the key it is about. */
function warningCheck(path: string | undefined): { id: string; title: string } {
  if (path?.startsWith('deployment')) return { id: 'deployment.import', title: 'Imported deployment' };
  // a hardware alias that could mean several parts says which one it was read as (hardware.preset)
  if (path?.startsWith('hardware'))
    return { id: path, title: path === 'hardware.memory' ? 'Device memory' : path === 'hardware.preset' ? 'Hardware preset' : 'Hardware' };
  return { id: 'model.hf_config', title: 'Hugging Face config' };
}

export function planChecks(loaded: LoadedPlan): Omit<Check, 'line'>[] {
  const out: Omit<Check, 'line'>[] = [];
  const plan = loaded.plan;
  // What the config.json reader or an importer could not map with certainty.
  for (const w of loaded.warnings ?? []) out.push({ ...warningCheck(w.path), status: 'warn', path: w.path ?? 'model.hf_config', detail: w.message });

  // Stated total against the shape.
  const shapeParams = plan.model.params !== undefined ? paramsFromShape(plan.model) : null;
  if (plan.model.params !== undefined && shapeParams !== null) {
    const ratio = shapeParams / plan.model.params;
    const ok = Math.abs(ratio - 1) <= 0.05;
    out.push({
      id: 'model.params',
      status: ok ? 'pass' : 'warn',
      title: 'Parameters vs shape',
      path: 'model.params',
      value: plan.model.params,
      limit: round(shapeParams, 0),
      unit: 'parameters',
      detail:
        `model.params ${(plan.model.params / 1e9).toFixed(2)}B; the shape gives ${(shapeParams / 1e9).toFixed(2)}B` +
        (ok ? '' : ' (off by more than 5%: the figures below use the shape)'),
    });
  }
  const context = contextCheck(plan);
  if (context) out.push(context);
  const burst = burstinessCheck(plan.workload);
  if (burst) out.push(burst);
  const ratio = rangeRatioCheck(plan);
  if (ratio) out.push(ratio);
  return out;
}

/**
 * A range ratio of 0 under vLLM: this format reads lengths uniform in [ratio x longest, longest]
 * (SGLang's bench_serving and InferenceX's convention: 1 is fixed), while `vllm bench serve
 * --random-range-ratio r` draws from [L(1 - r), L(1 + r)], where 0 is fixed. A vLLM user's 0,
 * copied, asks for the widest spread instead (a new user's review).
 */
function rangeRatioCheck(plan: LoadedPlan['plan']): Omit<Check, 'line'> | null {
  const b = plan.workload.benchmark;
  if (plan.deployment?.engine !== 'vllm' || b === undefined) return null;
  const key = b.input_range_ratio === 0 ? 'input_range_ratio' : b.output_range_ratio === 0 ? 'output_range_ratio' : undefined;
  if (key === undefined) return null;
  return {
    id: 'workload.benchmark',
    status: 'warn',
    title: 'Length range ratio',
    path: `workload.benchmark.${key}`,
    value: 0,
    detail: `${key} 0 reads lengths uniform from 0 to the longest (this format follows SGLang's bench_serving: [ratio x longest, longest], 1 = fixed); vLLM's bench --random-range-ratio 0 means fixed lengths: for those, write 1`,
  };
}

/**
 * The longest stated sequence against the longest the model serves: vLLM refuses a max_model_len
 * beyond the config's (unless VLLM_ALLOW_LONG_MAX_MODEL_LEN is set, and then positions past the
 * trained window give garbage), SGLang a context_length beyond it. Reported only when it fails:
 * a fitting context is what every plan is expected to have.
 */
function contextCheck(plan: LoadedPlan['plan']): Omit<Check, 'line'> | null {
  const w = plan.workload;
  const longest = plan.model.max_context;
  const input = w.max_input_tokens ?? w.input_tokens;
  const output = w.max_output_tokens ?? w.output_tokens;
  if (longest === undefined || input === undefined || output === undefined || input + output <= longest) return null;
  const stated = `${w.max_input_tokens !== undefined ? 'max_input_tokens' : 'input_tokens'} + ${w.max_output_tokens !== undefined ? 'max_output_tokens' : 'output_tokens'}`;
  return {
    id: 'model.context',
    status: 'fail',
    title: 'Context length',
    path: w.max_input_tokens !== undefined ? 'workload.max_input_tokens' : 'workload.input_tokens',
    value: input + output,
    limit: longest,
    unit: 'tokens',
    detail: `the longest stated sequence, ${input + output} tokens (${stated}), is longer than the ${longest} the model serves (model.max_context: its config.json's max_position_embeddings); vLLM (max_model_len) and SGLang (context_length) refuse it at start-up. A deployment that extends the window (RoPE scaling such as YaRN) states the extended length as model.max_context`,
  };
}

/**
 * burstiness is the shape of gamma gaps (vLLM bench --burstiness; 1 is poisson): beside an arrival
 * that is not gamma it has no effect, and the arrivals are not as bursty as it says.
 */
function burstinessCheck(w: LoadedPlan['plan']['workload']): Omit<Check, 'line'> | null {
  if (w.burstiness === undefined || w.burstiness === 1 || w.arrival === undefined || w.arrival === 'gamma' || w.request_rate === undefined) return null;
  return {
    id: 'workload.burstiness',
    status: 'warn',
    title: 'Arrival burstiness',
    path: 'workload.burstiness',
    value: w.burstiness,
    detail: `burstiness ${w.burstiness} shapes gamma gaps (vLLM bench --burstiness), but workload.arrival is ${w.arrival}: it is not used, the arrivals are ${w.arrival === 'poisson' ? 'poisson (exponential gaps)' : 'evenly spaced'}; state arrival: gamma for bursty arrivals, or drop burstiness`,
  };
}
