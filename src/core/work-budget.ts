// A budget for the work one plan may cost. Every parser and importer is linear in its input and
// every input has a size limit, but a plan may import 16 files and name a config.json, and a bug
// or a case nobody thought of must not stall a required check: the loops that grow with the input
// charge their work here, and past the budget the plan stops with a "too complex" error while the
// other plans are still verified.
//
// Work is counted in units (about one character parsed or one value built), so the same plan
// stops at the same place on every machine. A deadline in wall-clock time is a second guard, for
// the alternatives search (a courtesy with a total time budget, where stopping early is fine).

/** Units one plan may spend: about 16 files of 1 MiB read twice over (a valid plan needs a few thousand). */
export const PLAN_WORK_BUDGET = 40_000_000;

export interface BudgetLimits {
  /** units that may be spent; Infinity for none */
  units?: number;
  /** Date.now() past which work stops; undefined for none */
  deadline?: number;
}

export class WorkBudgetExceeded extends Error {
  constructor(
    readonly budget: Budget,
    readonly reason: 'units' | 'deadline',
  ) {
    super(reason === 'units' ? `more than ${budget.units} units of work` : 'out of time');
    this.name = 'WorkBudgetExceeded';
  }
}

export interface Budget {
  readonly units: number;
  left: number;
  readonly deadline: number | undefined;
  /** the budget this one is nested in, whose limits still hold */
  readonly outer: Budget | undefined;
}

let current: Budget | undefined;
/** Deadlines are read every this many charges, not on every one (Date.now() costs more than a unit of work). */
const CLOCK_EVERY = 1024;
let untilClock = CLOCK_EVERY;

/**
 * Charges `units` of work to the running budgets (innermost first); throws WorkBudgetExceeded, for
 * the budget that ran out, when one does. Outside any budget it costs nothing.
 */
export function chargeWork(units: number): void {
  if (current === undefined) return;
  for (let b: Budget | undefined = current; b !== undefined; b = b.outer) {
    b.left -= units;
    if (b.left < 0) throw new WorkBudgetExceeded(b, 'units');
  }
  if (--untilClock > 0) return;
  untilClock = CLOCK_EVERY;
  const now = Date.now();
  for (let b: Budget | undefined = current; b !== undefined; b = b.outer) {
    if (b.deadline !== undefined && now > b.deadline) throw new WorkBudgetExceeded(b, 'deadline');
  }
}

/** Units the innermost running budget has left (Infinity outside any): what a piece of work cost, by difference. */
export function workLeft(): number {
  return current?.left ?? Infinity;
}

/**
 * The limits the running budgets set, all nested ones together: the earliest deadline, and whether
 * any counts units (work handed to another thread can carry a deadline along, not a unit count).
 */
export function runningLimits(): { deadline: number | undefined; countsUnits: boolean } {
  let deadline: number | undefined;
  let countsUnits = false;
  for (let b: Budget | undefined = current; b !== undefined; b = b.outer) {
    if (b.deadline !== undefined) deadline = deadline === undefined ? b.deadline : Math.min(deadline, b.deadline);
    if (b.units !== Infinity) countsUnits = true;
  }
  return { deadline, countsUnits };
}

/** Checks the running budgets' deadlines now: for loops whose every step is costly (a layout verified). */
export function checkDeadline(): void {
  untilClock = 1;
  chargeWork(0);
}

/**
 * Runs `work` under a budget. `onExceeded` turns this budget's exhaustion into a result; an outer
 * budget's exhaustion passes through to whoever set that one.
 */
export function withWorkBudget<T>(limits: BudgetLimits, work: () => T, onExceeded: (error: WorkBudgetExceeded) => T): T {
  const budget: Budget = { units: limits.units ?? Infinity, left: limits.units ?? Infinity, deadline: limits.deadline, outer: current };
  current = budget;
  untilClock = 1; // a nested deadline is checked at the first charge
  try {
    return work();
  } catch (error) {
    if (error instanceof WorkBudgetExceeded && error.budget === budget) return onExceeded(error);
    throw error;
  } finally {
    current = budget.outer;
  }
}
