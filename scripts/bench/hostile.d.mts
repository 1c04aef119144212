// Types of hostile.mjs.
export const title: string;
export function cpuMs(work: () => unknown, runs?: number): number;
export function run(options?: {
  smoke?: boolean;
  load?: (path: string) => Promise<unknown>;
  fixtures?: unknown;
}): Promise<{ measure: string; result: string; target?: string; ok?: boolean }[]>;
