// Pass costs remembered by their arguments, for one simulated load (estimates.ts, simulateLoad). A steady closed loop of equal
// requests repeats itself wave after wave (the same batch at the same contexts, the same prompt
// chunks), and the simulator asks for a stride's cost twice when nothing cut the stride short:
// a layout search spends most of its time there. A cost is a pure function of its arguments, so a
// remembered one is the same number the cost model would give again. A load whose passes rarely
// repeat (many clients at different points of their requests, random arrivals) gains nothing from
// remembering: after a short trial with few repeats the memo steps aside.
import type { PrefillWork, StepCost, StepCosts } from './simulator.js';

/** Lookups before the memo judges whether it pays, and the share of them that must have been repeats. */
export const MEMO_TRIAL = 256;
export const MEMO_MIN_HIT_SHARE = 0.25;

/** The arguments of one pass (no prompt work: tokens -1) and its cost; entries of equal hash chain. */
interface Entry {
  tokens: number;
  pairsFull: number;
  pairsSliding: number;
  pairsTopK: number;
  completes: number;
  batch: number;
  context: number;
  /** activeDp as asked (-1: the cost model's default) */
  ranks: number;
  cost: StepCost | null;
  next: Entry | undefined;
}

// The bits of a double, to hash numbers without turning them into text.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
function mix(h: number, x: number): number {
  f64[0] = x;
  const a = Math.imul(h ^ u32[0]!, 0x9e3779b1);
  const b = Math.imul(a ^ u32[1]!, 0x85ebca77);
  return b ^ (b >>> 15);
}

/** Remembers `costs.step` by its arguments. */
export function memoStepCosts(costs: StepCosts): StepCosts {
  const table = new Map<number, Entry>();
  let lookups = 0;
  let hits = 0;
  let on = true;
  return {
    step(work, batch, context, activeDp) {
      if (on && ++lookups === MEMO_TRIAL && hits < MEMO_TRIAL * MEMO_MIN_HIT_SHARE) {
        on = false;
        table.clear();
      }
      if (!on) return costs.step(work, batch, context, activeDp);
      const tokens = work === null ? -1 : work.tokens;
      const w: PrefillWork = work ?? NO_PROMPT;
      const ranks = activeDp ?? -1;
      let h = mix(mix(mix(mix(0, tokens), batch), context), ranks);
      if (work !== null) h = mix(mix(mix(mix(h, w.pairsFull), w.pairsSliding), w.pairsTopK), w.completes);
      const first = table.get(h);
      for (let e = first; e !== undefined; e = e.next) {
        if (
          Object.is(e.tokens, tokens) &&
          Object.is(e.batch, batch) &&
          Object.is(e.context, context) &&
          Object.is(e.ranks, ranks) &&
          Object.is(e.pairsFull, w.pairsFull) &&
          Object.is(e.pairsSliding, w.pairsSliding) &&
          Object.is(e.pairsTopK, w.pairsTopK) &&
          Object.is(e.completes, w.completes)
        ) {
          hits++;
          return e.cost;
        }
      }
      const cost = costs.step(work, batch, context, activeDp);
      const { pairsFull, pairsSliding, pairsTopK, completes } = w;
      table.set(h, { tokens, pairsFull, pairsSliding, pairsTopK, completes, batch, context, ranks, cost, next: first });
      return cost;
    },
  };
}

// A field added to PrefillWork must join the key above, or passes that differ in it would share a cost.
type Unkeyed = Exclude<keyof PrefillWork, 'tokens' | 'pairsFull' | 'pairsSliding' | 'pairsTopK' | 'completes'>;
const everyFieldKeyed: [Unkeyed] extends [never] ? true : never = true;
void everyFieldKeyed;

const NO_PROMPT: PrefillWork = { tokens: -1, pairsFull: 0, pairsSliding: 0, pairsTopK: 0, completes: 0 };
