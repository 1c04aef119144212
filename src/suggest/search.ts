// The search: every layout the engine rules allow, for every device count in range, each one
// verified by the core; then what would make the plan pass, axis by axis (what-if.ts), and what no
// layout reaches (reach.ts).
import type { LoadedPlan } from '../core/types.js';
import { withWorkBudget } from '../core/work-budget.js';
import { layoutText } from './candidate.js';
import { disaggNotes, searchDisaggregated } from './disagg-search.js';
import { LayoutSearch, MAX_SEARCH_GPUS } from './layout-search.js';
import { compareByShortfall, compareCandidates } from './rank.js';
import { impossibilities, shortfalls } from './reach.js';
import { screenCounts } from './screen-threads.js';
import type { Candidate, Objective, SearchPart, SearchStop, SuggestOptions, SuggestResult, VerifiedInFull } from './types.js';
import { whatIf } from './what-if.js';
import { disaggPassClause, hasWarnings, rankedKind } from './words.js';

export { DEFAULT_GROWTH, DEFAULT_SCAN_CAP, gallopFirst, LayoutSearch, MAX_SEARCH_GPUS } from './layout-search.js';
export { largestOnLayout, PROBE_LAYOUTS } from './what-if.js';

/**
 * Neighbours in the list whose order the ranges cannot tell apart: each one's estimate lies inside
 * the other's range (issue 13: say so rather than rank on noise).
 */
export function unreliableOrder(top: readonly Candidate[], objective: Objective): string[] {
  const out: string[] = [];
  const inside = (x: number, r: [number, number]): boolean => x >= r[0] && x <= r[1];
  for (let i = 0; i + 1 < top.length; i++) {
    const a = top[i]!;
    const b = top[i + 1]!;
    if (a.score === null || b.score === null || !a.scoreRange || !b.scoreRange) continue;
    if (inside(a.score, b.scoreRange) && inside(b.score, a.scoreRange)) {
      out.push(
        `#${i + 1} (${layoutText(a.variation.layout)}) and #${i + 2} (${layoutText(b.variation.layout)}): each one's ${objective} estimate lies inside the other's range, so their order is not reliable`,
      );
    }
  }
  return out;
}

/** Whether some layout passes: an aggregated one, a disaggregated mix, or the plan's own (the command's exit status). */
export function somethingPasses(r: SuggestResult): boolean {
  return r.plan.status === 'pass' || r.top.some((c) => c.status === 'pass') || (r.disaggregated?.top.some((c) => c.status === 'pass') ?? false);
}

function tallyInFull(full: readonly Candidate[]): VerifiedInFull {
  const passing = full.filter((c) => c.status === 'pass');
  return {
    layouts: full.length,
    passing: passing.length,
    passing_with_warnings: passing.filter(hasWarnings).length,
    possible: full.filter((c) => c.status === 'possible').length,
  };
}

const PARTS: readonly SearchPart[] = ['layouts', 'ranking', 'disaggregated', 'bounds', 'what-if'];

export function suggest(base: LoadedPlan, options: SuggestOptions, planVerdict: SuggestResult['plan_verdict']): SuggestResult {
  const s = new LayoutSearch(base, options);
  // The time limit (the command line's; the action sets its own deadline around the whole search): each
  // part runs under it; once it passes, the part it stopped keeps what it had and the later parts do not run.
  const deadline = options.timeLimitMs !== undefined ? Date.now() + options.timeLimitMs : undefined;
  // The plan's own layout is verified whatever the limit (what `verify` itself costs): every answer compares with it.
  const plan = s.asWritten();
  let stoppedDuring: SearchPart | undefined;
  const part = <T>(name: SearchPart, work: () => T, stopped: () => T): T => {
    if (stoppedDuring !== undefined) return stopped();
    if (deadline === undefined) return work();
    return withWorkBudget({ deadline }, work, () => {
      stoppedDuring = name;
      return stopped();
    });
  };
  const wanted = Math.max(s.planGpus, options.maxGpus ?? s.planGpus);
  const to = Math.min(wanted, MAX_SEARCH_GPUS);
  const planned = s.counts(1, to);
  part(
    'layouts',
    () => {
      // every count's layouts screened, on spare cores too (screen-threads.ts): the same candidates
      screenCounts(s, planned);
      for (const n of planned) s.at(n);
    },
    () => undefined,
  );
  // a search the time limit stopped holds the device counts screened whole before it
  const counts = planned.filter((n) => s.has(n));
  const all = counts.flatMap((n) => s.at(n));
  // The listed layouts were screened on a short simulation: verified again in full, then ranked on those
  // figures. The counts and the pool the list is drawn from follow the full verification where it was done:
  // a listed layout that passed on the short screen but warns in full is not counted as passing, and the
  // list is drawn again from the layouts that still pass (or, none passing, stay open).
  const confirmed = new Map<Candidate, Candidate>();
  const statusOf = (c: Candidate) => confirmed.get(c)?.status ?? c.status;
  let passingCount = 0;
  let possibleCount = 0;
  let ranked: Candidate[] = [];
  let order: (a: Candidate, b: Candidate) => number = compareCandidates(options.objective);
  const draw = (): void => {
    const passing = all.filter((c) => statusOf(c) === 'pass');
    const possible = all.filter((c) => statusOf(c) === 'possible');
    passingCount = passing.length;
    possibleCount = possible.length;
    // nothing passes or stays open: show the layouts closest to passing instead
    order = passing.length > 0 || possible.length > 0 ? compareCandidates(options.objective) : compareByShortfall(options.objective);
    ranked = (passing.length > 0 ? passing : possible.length > 0 ? possible : all).slice().sort(order);
  };
  part(
    'ranking',
    () => {
      for (;;) {
        draw();
        const fresh = ranked.slice(0, options.top).filter((c) => !confirmed.has(c));
        for (const c of fresh) confirmed.set(c, s.confirm(c));
        if (fresh.every((c) => confirmed.get(c)!.status === c.status)) break;
      }
    },
    // stopped: drawn again on what was verified in full, and only those listed (a screened figure is not verify's)
    draw,
  );
  // The counts rest on the short screen, which verifies no layout in full: each says whether verify
  // would still warn (as the disaggregated count does), and the summary says what the full runs found.
  const judged = (c: Candidate): Candidate => confirmed.get(c) ?? c;
  const warned = all.filter((c) => statusOf(c) === 'pass' && hasWarnings(judged(c))).length;
  const top = ranked
    .slice(0, options.top)
    .filter((c) => confirmed.has(c))
    .map((c) => confirmed.get(c)!)
    .sort(order);
  // Disaggregated layouts of the same devices beside the aggregated ones (disagg-search.ts).
  const disaggregated = part(
    'disaggregated',
    () => {
      // the best aggregated layout of the plan's devices, screened like the rest: verified again in full to be compared
      const screenedBest = s.bestAt(s.planGpus);
      const bestAggregated = screenedBest ? s.confirm(screenedBest) : null;
      return searchDisaggregated(base, s.planGpus, options.objective, (g) => s.ruleOptions(g, {}), bestAggregated);
    },
    () => undefined,
  );
  // What the aggregated search does not hold, on the plan's devices: a disaggregated plan's own pools
  // and the disaggregated mixes. Every answer about those devices weighs them too.
  const beside = [...(s.ownLayout ? [] : [plan]), ...(disaggregated?.top ?? [])];
  const { impossible, unmet } = part(
    'bounds',
    () => {
      const impossible = impossibilities(s, plan, beside);
      return { impossible, unmet: shortfalls(s, plan, impossible, [plan, ...beside]) };
    },
    () => ({ impossible: [], unmet: [] }),
  );
  const what = part(
    'what-if',
    () => whatIf(s, plan.status === 'pass', to, beside),
    () => [],
  );
  const stopped: SearchStop | undefined =
    stoppedDuring === undefined
      ? undefined
      : {
          reason: 'time-limit',
          limit_s: options.timeLimitMs! / 1000,
          during: stoppedDuring,
          not_finished: PARTS.slice(PARTS.indexOf(stoppedDuring)),
          gpu_counts_left: planned.length - counts.length,
        };
  const notes: string[] = [];
  if (to < wanted) notes.push(`the ranked search stops at ${MAX_SEARCH_GPUS} devices (asked: ${wanted})`);
  const kind = rankedKind({ disaggregated });
  const disaggPass = disaggPassClause({ disaggregated });
  // a search the time limit stopped says which layouts it speaks of: a partial search is not a complete one
  const searched = stopped?.not_finished.includes('layouts') ? ' of those searched before the time limit' : '';
  if (passingCount === 0 && possibleCount === 0 && top.length > 0)
    notes.push(`no ${kind}${searched} passes${disaggPass}; the list shows the ${kind}s closest to passing (smallest shortfall on their worst requirement)`);
  if (passingCount === 0 && possibleCount > 0)
    notes.push(
      `no ${kind}${searched} passes on the estimates${disaggPass}; the list shows ${kind}s the physical bounds do not rule out, ranked by their bounds`,
    );
  notes.push(...unreliableOrder(top, options.objective));
  if (disaggregated) notes.push(...disaggNotes(disaggregated, plan));
  return {
    disaggregated,
    file: base.file,
    name: base.plan.name,
    objective: options.objective,
    plan_gpus: s.planGpus,
    plan_verdict: planVerdict,
    plan,
    top,
    search: {
      gpus_from: 1,
      gpus_to: to,
      gpu_counts: counts.length,
      layouts: all.length,
      verified: s.verified,
      passing: passingCount,
      possible: possibleCount,
      ...(warned > 0 ? { passing_with_warnings: warned } : {}),
      verified_in_full: tallyInFull([...confirmed.values()]),
      ...(stopped ? { stopped } : {}),
    },
    what_if: what,
    impossible,
    unmet,
    notes,
  };
}
