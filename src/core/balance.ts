// Load balance of expert parallelism: with tokens routed at random, some EP rank gets more
// token-expert pairs than the mean, and the slowest rank paces the MoE layer.

/**
 * Expected max/mean load over `ranks` EP ranks when `pairs` token-expert picks land uniformly:
 * each rank's load is Binomial(pairs, 1/ranks), and the expected maximum of n such loads is about
 * mean + σ·√(2 ln n) (the Gaussian extreme-value approximation). Uniform routing is the best case;
 * real routers are skewed, which redundant experts (EPLB) counter.
 */
export function expectedExpertImbalance(pairs: number, ranks: number): number {
  if (ranks <= 1 || pairs <= 0) return 1;
  const mean = pairs / ranks;
  const sigma = Math.sqrt(pairs * (1 / ranks) * (1 - 1 / ranks));
  return (mean + sigma * Math.sqrt(2 * Math.log(ranks))) / mean;
}
