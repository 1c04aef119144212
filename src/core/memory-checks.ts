// The memory checks of one deployment (or of one pool of a disaggregated one): the engine's memory
// flag, whether one request of the longest stated length fits (memory.fits), and how many of the
// plan's sequences its KV cache holds at once (memory.kv_capacity). docs/formulas.md, "Memory".
import { type FloorCheck, meanContext } from './capacity.js';
import { ENGINE_LABEL, ENGINE_MEMORY_FLAG, maxRunningSequences } from './engine-memory.js';
import type { Computed } from './estimates.js';
import { countOf, fmtGiB, gib, round, tokenCount, windowedLayersWords } from './figures.js';
import type { Resolved } from './resolve.js';
import type { Check, Plan } from './types.js';
import { engineProfile } from './engines.js';
import { formatQuantity } from '../report/format.js';

/** `contextFrom`: where an imported engine's context came from (the origin of workload.max_input_tokens), when it did. */
export function memoryChecks(plan: Plan, r: Resolved, c: Computed, memMissing: string[], contextFrom?: string): Omit<Check, 'line'>[] {
  const out: Omit<Check, 'line'>[] = [];
  const { layout, hardware: hw, workload: wl } = r;
  const capacity = hw.memory;
  const memFloor = c.weightsFloor !== null ? c.weightsFloor + c.kvFloor : null;
  const engine = ENGINE_LABEL[wl.engine];
  const maxContext = wl.maxInputTokens !== undefined && wl.maxOutputTokens !== undefined ? wl.maxInputTokens + wl.maxOutputTokens : null;
  const maxConcurrency = c.maxConcurrencyAtMaxContext;
  // The engine counts its cache in tokens of every layer; where windowed layers keep less, a token of
  // that count is not a token of context (gpt-oss-120b: 93,952 of them held a sequence of 131,000).
  const windowed = c.kvWindow ? `its ${windowedLayersWords(c.kvWindow.layers, c.kvWindow.window, c.kvWindow.kind, c.kvWindow.padding)}` : null;
  const tokenNote = windowed ? ` (tokens counted in every layer, as ${engine} logs them: ${windowed})` : '';
  const given = plan.workload;
  if (given.memory_fraction !== undefined && given.memory_reserve !== undefined && Math.abs(given.memory_reserve - (1 - given.memory_fraction)) > 1e-9) {
    out.push({
      id: 'workload.memory_fraction',
      status: 'warn',
      title: 'Memory fraction',
      path: 'workload.memory_fraction',
      value: given.memory_fraction,
      limit: round(1 - given.memory_reserve, 6),
      unit: 'fraction',
      detail: `memory_fraction ${given.memory_fraction} and memory_reserve ${given.memory_reserve} disagree (the reserve is 1 - memory_fraction in ${engine}'s meaning); memory_fraction is used`,
    });
  }
  // The tightest device: the one whose pool has the least room beyond one sequence of the longest context.
  const tight = c.memEst && c.memEst[0]!.pool !== null ? c.memEst.reduce((a, st) => (st.pool! - st.kvOne < a.pool! - a.kvOne ? st : a), c.memEst[0]!) : null;
  // A device whose engine would use more than it has (a pool the plan fixes past it).
  const overfull = capacity !== undefined ? (c.memEst?.find((st) => st.usable !== null && st.usable > capacity * (1 + 1e-9)) ?? null) : null;
  if (capacity === undefined) {
    out.push({
      id: 'memory.fits',
      status: 'unverified',
      title: 'Memory fits',
      path: 'hardware.memory',
      missing: ['hardware.memory'],
      detail: 'device memory is not given',
    });
  } else if (overfull && overfull.usable !== null) {
    // Only a pool the plan fixes (vLLM --kv-cache-memory-bytes, --num-gpu-blocks-override) can pass the device: the engine allocates it whole.
    out.push({
      id: 'memory.fits',
      status: 'fail',
      title: 'Memory fits',
      path: given.kv_cache_tokens !== undefined ? 'workload.kv_cache_tokens' : 'workload.kv_cache_memory',
      value: gib(overfull.usable),
      limit: gib(capacity),
      unit: 'GiB',
      detail: `${engine} allocates the KV pool the plan sets whole: the most loaded device (stage ${overfull.stage}) needs ${fmtGiB(overfull.usable)} (${overfull.rule}), more than its ${fmtGiB(capacity)}: ${engine} cannot start`,
    });
  } else if (tight && tight.usable !== null) {
    const need = tight.weights + tight.activations + tight.overhead + tight.kvOne;
    const fits = need <= tight.usable * (1 + 1e-9);
    const flag = ENGINE_MEMORY_FLAG[wl.engine];
    const raised = c.raisedFraction;
    const raisedNote = raised
      ? `; ${engine}'s default ${flag} ${raised.from} leaves it no room, so the figures assume ${flag} ${raised.to}: state workload.memory_fraction`
      : '';
    // the imported command runs the engine's default: said where it fails, the flag being what to change there
    const defaultNote =
      !fits && wl.memoryFractionDefaultAt !== null
        ? `; ${importedDefaultWords(engine, flag, wl.memoryFraction, wl.memoryFractionDefaultAt)}: raise it there`
        : '';
    const share = `${fmtGiB(tight.weights)} weights${placementWords(plan, r)}, ${fmtGiB(tight.activations)} activations, ${fmtGiB(tight.overhead)} runtime and buffers, ${fmtGiB(tight.kvOne)} KV of one sequence`;
    out.push({
      id: 'memory.fits',
      status: fits ? (raised ? 'warn' : 'pass') : 'fail',
      title: 'Memory fits',
      path: raised ? 'workload.memory_fraction' : 'hardware.memory',
      value: gib(need),
      limit: gib(tight.usable),
      unit: 'GiB',
      detail:
        `one request of ${longestWords(plan.workload, contextFrom)} (${tokenCount(maxContext!)} tokens) needs ${fmtGiB(need)} on the most loaded device (stage ${tight.stage}: ${share}) of the ${fmtGiB(tight.usable)} ${engine} may use (${tight.rule})` +
        (fits && c.kvCapacity !== null
          ? `; its KV cache holds ${tokenCount(c.kvCapacity)} tokens per ${r.layout.dp > 1 ? 'data-parallel rank' : 'replica'}` +
            (windowed && c.kvBudget && maxContext !== null
              ? ` counted in every layer, as ${engine} logs them (${windowed}, so one of ${tokenCount(maxContext)} tokens takes ${tokenCount(c.kvBudget.heldTokens(maxContext))}${reserveWords(c, maxContext, engine, wl.maxBatchedTokens)})`
              : '') +
            (maxConcurrency !== null
              ? `, ${countOf(maxConcurrency, 'sequence')} of ${tokenCount(maxContext!)} tokens at once${r.layout.dp > 1 ? ` over its ${r.layout.dp} ranks` : ''}`
              : '')
          : '') +
        (fits ? '' : `: not even one request of this length can run`) +
        raisedNote +
        defaultNote,
    });
  } else if (c.floorCheck && c.floorCheck.need > c.floorCheck.limit) {
    out.push({
      id: 'memory.fits',
      status: 'fail',
      title: 'Memory fits',
      path: 'hardware.memory',
      value: gib(c.floorCheck.need),
      limit: gib(c.floorCheck.limit),
      unit: 'GiB',
      detail: `even the lower bound ${fmtGiB(c.floorCheck.need)} (weights shard${c.kvFloor > 0 ? ' + KV of one sequence of the longest length' : ''}) exceeds the ${fmtGiB(c.floorCheck.limit)} ${engine} could give weights and KV cache at most (at ${floorFlagWords(c.floorCheck, engine, ENGINE_MEMORY_FLAG[wl.engine], wl.memoryFractionDefaultAt)})`,
    });
  } else {
    const limit = c.floorCheck ? c.floorCheck.limit : capacity;
    out.push({
      id: 'memory.fits',
      status: 'unverified',
      title: 'Memory fits',
      path: 'hardware.memory',
      value: gib(memFloor),
      limit: gib(limit),
      unit: 'GiB',
      missing: memMissing,
      detail: `cannot estimate without ${memMissing.join(', ')}${memFloor !== null ? `; the lower bound ${fmtGiB(memFloor)} fits${c.floorCheck ? floorLimitWords(c.floorCheck, engine, ENGINE_MEMORY_FLAG[wl.engine], wl.memoryFractionDefaultAt) : ''}` : ''}`,
    });
  }

  // What the engine can hold: concurrency sequences at their mean context against its KV cache.
  const budget = c.kvBudget;
  if (budget && wl.concurrency !== undefined && wl.inputTokens !== undefined && wl.outputTokens !== undefined && c.maxRunning !== null) {
    const perReplica = Math.ceil(wl.concurrency / layout.dp);
    const context = meanContext(wl.inputTokens, wl.outputTokens);
    const byKv = maxRunningSequences({ ...budget, engineMax: null }, context, perReplica);
    const heldTokens = budget.heldTokens(budget.sharedTokens) + perReplica * (budget.heldTokens(context) - budget.heldTokens(budget.sharedTokens));
    // worded as memory.fits words the same pool (a reader took "per replica" for another figure)
    const where = layout.dp > 1 ? ' per data-parallel rank' : '';
    const sharedNote = budget.sharedTokens > 0 ? ` (a ${budget.sharedTokens}-token prompt prefix held once)` : '';
    const capNote =
      budget.engineMax !== null && budget.engineMax < perReplica
        ? `; the engine's own cap (workload.max_running_sequences) lets ${budget.engineMax}${where} run, the rest queue`
        : '';
    // An open loop's concurrency is a cap on requests in flight, which its arrivals may never reach.
    const peak = wl.requestRate !== undefined ? c.load?.outcome.peakRunning : undefined;
    const openLoopNote =
      peak !== undefined && peak < byKv
        ? `; at ${formatQuantity(wl.requestRate!, 'requests/s')} the simulated load has at most ${countOf(peak, 'request')}${where} in flight, so none wait for room`
        : '';
    if (byKv >= perReplica) {
      out.push({
        id: 'memory.kv_capacity',
        status: 'pass',
        title: 'KV-cache capacity',
        path: 'workload.concurrency',
        value: Math.round(heldTokens),
        limit: budget.capacityTokens,
        unit: 'tokens',
        detail: `${countOf(perReplica, 'sequence')}${where} at a mean context of ${tokenCount(context)} tokens ${perReplica === 1 ? 'holds' : 'hold'} ${tokenCount(heldTokens)} of the ${tokenCount(budget.capacityTokens)} tokens of KV cache${where}${tokenNote}${sharedNote}${capNote}`,
      });
    } else {
      out.push({
        id: 'memory.kv_capacity',
        status: 'warn',
        title: 'KV-cache capacity',
        path: 'workload.concurrency',
        value: Math.round(heldTokens),
        limit: budget.capacityTokens,
        unit: 'tokens',
        detail:
          `${countOf(perReplica, 'sequence')}${where} at a mean context of ${tokenCount(context)} tokens ${perReplica === 1 ? 'needs' : 'need'} ${tokenCount(heldTokens)} tokens of KV cache, more than the ${tokenCount(budget.capacityTokens)}${where}${tokenNote}${sharedNote}: ` +
          (c.noRoom
            ? `not one sequence fits, so nothing runs (see memory.fits)`
            : openLoopNote !== ''
              ? `${engine} would run ${c.maxRunning} of the ${wl.concurrency} at once and queue the rest${capNote}${openLoopNote}`
              : `${engine} runs ${c.maxRunning} of the ${wl.concurrency} at once and queues the rest (their TTFT grows)${capNote}`),
      });
    }
  } else if (wl.concurrency !== undefined) {
    const missing = [...memMissing, ...(capacity === undefined ? ['hardware.memory'] : [])];
    // the cache is sized, but what the sequences hold is not: their lengths are missing
    const lengths = [...(wl.inputTokens === undefined ? ['workload.input_tokens'] : []), ...(wl.outputTokens === undefined ? ['workload.output_tokens'] : [])];
    const sized = budget !== null && lengths.length > 0 && missing.every((k) => lengths.includes(k));
    const all = sized ? lengths : missing;
    out.push({
      id: 'memory.kv_capacity',
      status: 'unverified',
      title: 'KV-cache capacity',
      path: 'workload.concurrency',
      ...(all.length > 0 ? { missing: all } : {}),
      detail: sized
        ? `the KV cache holds ${tokenCount(budget.capacityTokens)} tokens${layout.dp > 1 ? ' per data-parallel rank' : ''}${tokenNote}; how many of the ${wl.concurrency} sequences fit cannot be said without ${lengths.join(', ')}`
        : missing.length > 0
          ? `cannot size the KV cache without ${missing.join(', ')}`
          : 'cannot size the KV cache from what the plan gives',
    });
  }

  return out;
}

/**
 * What a floor that fits is measured against: " in the 78.40 GiB vLLM could give weights and KV cache at
 * gpu_memory_utilization 0.99, the most a deployment sets where the plan states no workload.memory_fraction
 * (71.27 GiB at vLLM's default 0.9)"; the default's figure was read as missing from the limit.
 */
function floorLimitWords(f: FloorCheck, engine: string, flag: string, defaultAt: string | null): string {
  const limit = ` in the ${fmtGiB(f.limit)} ${engine} could give weights and KV cache at ${floorFlagWords(f, engine, flag, defaultAt)}`;
  if (defaultAt !== null || f.stated || !f.atDefault) return limit;
  const d = f.atDefault;
  const atDefault =
    f.need > d.limit
      ? `more than the ${fmtGiB(d.limit)} at ${engine}'s default ${d.fraction}: it starts only with the flag raised; state workload.memory_fraction`
      : `${fmtGiB(d.limit)} at ${engine}'s default ${d.fraction}`;
  return `${limit}, the most a deployment sets where the plan states no workload.memory_fraction (${atDefault})`;
}

/** The flag a floor's limit is taken at: the imported command's default, else the plan's or the engine's flag and its value. */
function floorFlagWords(f: FloorCheck, engine: string, flag: string, defaultAt: string | null): string {
  return defaultAt !== null ? importedDefaultWords(engine, flag, f.fraction, defaultAt) : `${f.stated ? 'workload.memory_fraction' : flag} ${f.fraction}`;
}

/**
 * "--gpu-memory-utilization 0.9, vLLM's default, as the command at serve.sh:3 sets none": the flag an
 * imported command leaves out is the engine's default as it runs (LoadedPlan.defaulted).
 */
function importedDefaultWords(engine: string, flag: string, fraction: number, at: string): string {
  return `${flag} ${fraction}, ${engine}'s default, as the command at ${at} sets none`;
}

/**
 * "; vLLM sets aside 69,672 tokens for it before it starts, ..." where the engine's start-up reservation of one
 * longest request (c.reservedAtMaxContext: vLLM's windows and a prefill chunk) is more than it holds; else ''.
 */
function reserveWords(c: Computed, maxContext: number, engine: string, maxBatchedTokens: number): string {
  const reserved = c.reservedAtMaxContext;
  if (reserved === null || !c.kvBudget || !c.kvWindow || reserved - c.kvBudget.heldTokens(maxContext) < 1) return '';
  const layer = c.kvWindow.kind === 'chunked' ? 'a chunked-attention layer its chunk' : 'a sliding-window layer its window';
  return `; ${engine} sets aside ${tokenCount(Math.round(reserved))} tokens for it before it starts, ${layer} and a prefill chunk of ${tokenCount(maxBatchedTokens)} tokens`;
}

/** Which length memory.fits sizes: the stated longest, or the typical one where no longest is given (a reviewer read "longest stated" of defaults). */
function longestWords(w: Plan['workload'], contextFrom: string | undefined): string {
  // an imported engine's context, its default one included (vLLM without --max-model-len: the model's longest)
  if (contextFrom !== undefined) return `the engine's context (${contextFrom})`;
  if (w.max_input_tokens !== undefined || w.max_output_tokens !== undefined) return 'the longest stated length';
  return 'the stated length (no max_input_tokens or max_output_tokens: the typical request is the longest)';
}

/**
 * The SGLang placement a plan states, where the weights follow it (a MoE model under SGLang:
 * resolve.ts), as the memory check names it: " (dense MLPs over 1 rank, LM head over 1: parallelism.dense_tp,
 * lm_head_tp)". Without it a reader sees the weights move and no reason.
 */
function placementWords(plan: Plan, r: Resolved): string {
  if (plan.model.moe === undefined || engineProfile(r.workload.engine).densePlacement !== 'sglang') return '';
  const parts: [number | undefined, string, string][] = [
    [r.layout.denseTp, 'dense MLPs', 'dense_tp'],
    [r.layout.sharedExpertTp, 'shared experts', 'shared_expert_tp'],
    [r.layout.lmHeadTp, 'LM head', 'lm_head_tp'],
  ];
  const stated = parts.filter(([v]) => v !== undefined);
  if (stated.length === 0) return '';
  const words = stated.map(([v, part]) => `${part} over ${countOf(v!, 'rank')}`).join(', ');
  return ` (${words}: parallelism.${stated.map(([, , key]) => key).join(', ')})`;
}
