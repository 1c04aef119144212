// MXFP4 expert padding by engine: TensorRT-LLM's TRTLLM-Gen MoE on Blackwell pads the intermediate
// dimension to 128 and the input hidden dimension to 512 (MXFP4WeightTRTLLMGenFusedMoEMethod:
// weight_alignment 128, input_hidden_alignment 512), not to vLLM's 256 x 256.
import { describe, expect, it } from 'vitest';
import { mxfp4Padding } from '../src/core/memory.js';

describe('mxfp4Padding', () => {
  it("keeps vLLM's kernels' multiples (Hopper 128 x 256, Blackwell 256 x 256)", () => {
    expect(mxfp4Padding(false, 'vllm')).toEqual({ intermediate: 128, hidden: 256 });
    expect(mxfp4Padding(true, 'vllm')).toEqual({ intermediate: 256, hidden: 256 });
  });
  it("pads as TensorRT-LLM's TRTLLM-Gen MXFP4 MoE on Blackwell: intermediate to 128, hidden to 512", () => {
    // gpt-oss-120b on one B200 (TensorRT-LLM 1.3.0rc10, moe backend TRTLLM) logs 65.40 GiB of weights:
    // 2880 -> 2944 x 3072 (+9.0% on the experts) gives about 65.8 GiB; 256 x 256 (+13.8%) gave 68.5.
    expect(mxfp4Padding(true, 'trtllm')).toEqual({ intermediate: 128, hidden: 512 });
  });
});
