// Types of check-self-test.mjs.
export const SEED: string;
export function selfTestProblems(run: {
  event: string;
  outputs: Record<string, string | undefined>;
  report: { verdict?: string; plans?: Array<{ file: string; verdict: string }> } | null;
  examples: string[];
}): string[];
