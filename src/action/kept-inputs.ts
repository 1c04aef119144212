// What the alternatives step needs again once the plans are verified: a plan's text and the
// references it read. That step searches only the first MAX_PLANS_WITH_ALTERNATIVES failing or
// warning plans in report order, so only those are kept, and every other plan's text and
// references are let go as soon as it is verified: kept for every plan, 80 plans importing 16
// files of 4 MiB each once filled the heap and ended the run with no result.
import type { PlanReport } from '../core/index.js';
import { MAX_PLANS_WITH_ALTERNATIVES, type PlanInputs } from './alternatives.js';
import { reportOrder } from './report-order.js';

interface Kept {
  report: PlanReport;
  inputs: PlanInputs;
}

export class KeptInputs {
  private kept: Kept[] = [];

  constructor(private readonly limit = MAX_PLANS_WITH_ALTERNATIVES) {}

  /** Keeps a verified plan's inputs when the alternatives step may search it, letting go of one it no longer will. */
  offer(report: PlanReport, inputs: PlanInputs): void {
    if (report.verdict !== 'fail' && report.verdict !== 'warn') return;
    this.kept.push({ report, inputs });
    this.kept.sort((a, b) => reportOrder(a.report, b.report));
    if (this.kept.length > this.limit) this.kept.length = this.limit;
  }

  get(file: string): PlanInputs | undefined {
    return this.kept.find((k) => k.report.file === file)?.inputs;
  }

  /** The files kept, in report order. */
  files(): string[] {
    return this.kept.map((k) => k.report.file);
  }
}
