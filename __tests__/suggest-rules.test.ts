// Engine rules and the layout enumerator: hand-counted layouts, each rule on a case that breaks
// it, and the enumerator against brute force over every tuple (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../src/core/types.js';
import { divisors, enumerateLayouts, gpuCounts } from '../src/suggest/enumerate.js';
import { layoutViolation, type LayoutChoice, type RuleOptions } from '../src/suggest/rules.js';

const node8: RuleOptions = { gpusPerNode: 8, allowCrossNodeTp: false, allowCp: false, maxContext: 8192 };
// Llama-3.1-70B's attention (config.json: 64 heads, 8 KV heads, 80 layers, intermediate 28672)
const llama70b: ModelSpec = { layers: 80, heads: 64, kv_heads: 8, ffn_hidden_size: 28672 };
// Mixtral-8x7B (config.json: 32 heads, 8 KV heads, 32 layers, 8 experts, expert width 14336)
const mixtral: ModelSpec = { layers: 32, heads: 32, kv_heads: 8, moe: { experts: 8, top_k: 2, expert_ffn_hidden_size: 14336 } };

const text = (l: LayoutChoice) => `${l.tp}/${l.pp}/${l.dp}/${l.cp}/${l.ep}/${l.etp ?? '-'}`;

describe('engine rules', () => {
  it('tensor parallelism must split the heads, fit the KV heads and stay in a node', () => {
    const at = (tp: number, o = node8) => layoutViolation(llama70b, { tp, pp: 1, dp: 1, cp: 1, ep: 1 }, tp, o);
    expect(at(8)).toBeNull();
    expect(at(3)).toMatch(/heads do not divide/);
    expect(at(16)).toMatch(/spans nodes/);
    expect(at(16, { ...node8, allowCrossNodeTp: true })).toBeNull(); // 64 % 16 = 0 and 16 % 8 = 0
    expect(at(128, { ...node8, allowCrossNodeTp: true })).toMatch(/exceeds the 64 attention heads/);
    // 12 heads, 4 KV heads: tp = 6 splits the heads but neither divides nor is divided by 4 KV heads
    expect(layoutViolation({ heads: 12, kv_heads: 4 }, { tp: 6, pp: 1, dp: 1, cp: 1, ep: 1 }, 6, node8)).toMatch(/KV heads/);
  });

  it('pipeline stages need layers; cp needs a long context unless asked', () => {
    expect(layoutViolation(llama70b, { tp: 1, pp: 81, dp: 1, cp: 1, ep: 1 }, 81, node8)).toMatch(/exceeds the 80 layers/);
    expect(layoutViolation({ heads: 8 }, { tp: 1, pp: 2, dp: 1, cp: 1, ep: 1 }, 2, node8)).toMatch(/unknown number of layers/);
    expect(layoutViolation(llama70b, { tp: 1, pp: 1, dp: 1, cp: 2, ep: 1 }, 2, node8)).toMatch(/cp=2/);
    expect(layoutViolation(llama70b, { tp: 1, pp: 1, dp: 1, cp: 2, ep: 1 }, 2, { ...node8, maxContext: 32768 })).toBeNull();
    expect(layoutViolation(llama70b, { tp: 1, pp: 1, dp: 1, cp: 2, ep: 1 }, 2, { ...node8, allowCp: true })).toBeNull();
  });

  it('experts: ep divides them, ep*etp spans the stage, dense models have ep = 1', () => {
    const m = (ep: number, etp: number, tp = 2, dp = 4) => layoutViolation(mixtral, { tp, pp: 1, dp, cp: 1, ep, etp }, tp * dp, node8);
    expect(m(8, 1)).toBeNull(); // vLLM's EP = TP x DP
    expect(m(4, 2)).toBeNull(); // ep x etp = 8 ranks
    expect(m(1, 2)).toBeNull(); // experts sharded like the dense layers
    expect(m(1, 8)).toBeNull(); // experts over every rank of the stage
    expect(m(2, 2)).toMatch(/must equal/); // expert data parallelism: a training layout
    expect(m(1, 4)).toMatch(/etp=4/);
    expect(layoutViolation(mixtral, { tp: 1, pp: 1, dp: 6, cp: 1, ep: 3, etp: 2 }, 6, node8)).toMatch(/8 experts do not divide by ep=3/);
    expect(layoutViolation(llama70b, { tp: 1, pp: 1, dp: 2, cp: 1, ep: 2 }, 2, node8)).toMatch(/dense model/);
  });

  it('the world size must be the device count', () => {
    expect(layoutViolation(llama70b, { tp: 2, pp: 2, dp: 1, cp: 1, ep: 1 }, 8, node8)).toMatch(/is not 8/);
  });
});

describe('enumerateLayouts', () => {
  it('lists the hand-counted layouts of a small dense model', () => {
    // 32 heads, 8 KV heads, 4 layers on 4 devices of one node: tp in {1,2,4}; pp a divisor of 4/tp, at most 4.
    // tp=1: pp 1,2,4 (dp 4,2,1); tp=2: pp 1,2; tp=4: pp 1  ->  6 layouts
    const got = enumerateLayouts({ layers: 4, heads: 32, kv_heads: 8 }, 4, { ...node8, gpusPerNode: 4 })
      .map(text)
      .sort();
    expect(got).toEqual(['1/1/4/1/1/-', '1/2/2/1/1/-', '1/4/1/1/1/-', '2/1/2/1/1/-', '2/2/1/1/1/-', '4/1/1/1/1/-'].sort());
  });

  it('counts devices within a node one by one and whole nodes beyond', () => {
    expect(gpuCounts(1, 40, 8, false)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 16, 24, 32, 40]);
    expect(gpuCounts(5, 12, 8, true)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(divisors(12)).toEqual([1, 2, 3, 4, 6, 12]);
  });

  it('finds exactly the tuples that brute force over every (tp, pp, dp, cp, ep, etp) accepts', () => {
    const model = fc.record({
      layers: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      heads: fc.option(fc.constantFrom(1, 2, 3, 4, 6, 8, 12), { nil: undefined }),
      kv: fc.option(fc.constantFrom(1, 2, 4), { nil: undefined }),
      ffn: fc.option(fc.constantFrom(6, 8, 12), { nil: undefined }),
      experts: fc.option(fc.constantFrom(2, 3, 4, 6, 8), { nil: undefined }),
      moe: fc.boolean(),
      width: fc.option(fc.constantFrom(4, 6, 8), { nil: undefined }),
    });
    fc.assert(
      fc.property(model, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), fc.boolean(), (m, gpus, perNode, cross, allowCp) => {
        const spec: ModelSpec = {
          layers: m.layers,
          heads: m.heads,
          ffn_hidden_size: m.ffn,
          ...(m.kv !== undefined ? { kv_heads: m.kv } : {}),
          ...(m.moe ? { moe: { experts: m.experts, expert_ffn_hidden_size: m.width } } : {}),
        };
        const options: RuleOptions = { gpusPerNode: perNode, allowCrossNodeTp: cross, allowCp, maxContext: 1000 };
        const brute: string[] = [];
        for (let tp = 1; tp <= gpus; tp++)
          for (let pp = 1; pp <= gpus; pp++)
            for (let dp = 1; dp <= gpus; dp++)
              for (let cp = 1; cp <= gpus; cp++) {
                if (tp * pp * dp * cp !== gpus) continue;
                for (let ep = 1; ep <= gpus; ep++)
                  for (const etp of m.moe ? Array.from({ length: gpus }, (_, i) => i + 1) : [undefined]) {
                    const layout: LayoutChoice = { tp, pp, dp, cp, ep, ...(etp !== undefined ? { etp } : {}) };
                    if (layoutViolation(spec, layout, gpus, options) === null) brute.push(text(layout));
                  }
              }
        const found = enumerateLayouts(spec, gpus, options).map(text);
        expect(new Set(found).size).toBe(found.length);
        expect(found.sort()).toEqual(brute.sort());
      }),
      { numRuns: 300 },
    );
  });
});
