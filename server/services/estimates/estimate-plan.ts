// The estimate of a plan before it runs: tokens and cost per subtask from the history of similar
// subtasks (or of its profile, or defaults when there is none) priced with the model's current
// price, and the time the whole plan takes on the fleet (see schedule-plan.ts). Pure: the caller
// loads the history, prices and agent counts (load-estimate-inputs.ts).
import { callCostMicros, type CallUsage, type PriceRates } from "../costs/compute-cost";
import { schedulePlan } from "./schedule-plan";

/** Averages over finished subtasks; `samples` is how many. */
export interface UsageHistory extends CallUsage {
  samples: number;
  seconds: number;
}

export interface EstimateSubtaskInput {
  dependsOn: number[];
  priority: number;
  profile: string;
  model: string;
  /** Succeeded subtasks whose titles are like this one's. */
  similar: UsageHistory | null;
  /** Succeeded subtasks of the same profile. */
  profileHistory: UsageHistory | null;
  /** The planner's own guess of the duration, used only when there is no history. */
  plannerSeconds?: number | null;
}

export type EstimateBasis = "similar" | "profile" | "default";

export interface SubtaskEstimate {
  tokens: number;
  costMicros: bigint;
  seconds: number;
  basis: EstimateBasis;
  samples: number;
  startSeconds: number;
}

export interface PlanEstimate {
  subtasks: SubtaskEstimate[];
  tokens: number;
  costMicros: bigint;
  seconds: number;
  /** Models without a price: their subtasks are estimated at cost 0. */
  unpricedModels: string[];
}

/** One similar subtask may share only a word or two with this one; two or more are a pattern. */
export const MIN_SIMILAR_SAMPLES = 2;

/** What a subtask of a fleet with no history is assumed to use: a few turns of a tool loop. */
export const DEFAULT_USAGE: CallUsage = { inputTokens: 24_000, outputTokens: 2_500, cacheWriteTokens: 0, cacheReadTokens: 0 };
export const DEFAULT_SUBTASK_SECONDS = 90;

function pickHistory(subtask: EstimateSubtaskInput): { usage: CallUsage; seconds: number; basis: EstimateBasis; samples: number } {
  if (subtask.similar && subtask.similar.samples >= MIN_SIMILAR_SAMPLES) return { usage: subtask.similar, seconds: subtask.similar.seconds, basis: "similar", samples: subtask.similar.samples };
  if (subtask.profileHistory && subtask.profileHistory.samples > 0) {
    return { usage: subtask.profileHistory, seconds: subtask.profileHistory.seconds, basis: "profile", samples: subtask.profileHistory.samples };
  }
  return { usage: DEFAULT_USAGE, seconds: subtask.plannerSeconds ?? DEFAULT_SUBTASK_SECONDS, basis: "default", samples: 0 };
}

const roundUsage = (usage: CallUsage): CallUsage => ({
  inputTokens: Math.round(usage.inputTokens),
  outputTokens: Math.round(usage.outputTokens),
  cacheWriteTokens: Math.round(usage.cacheWriteTokens),
  cacheReadTokens: Math.round(usage.cacheReadTokens),
});

export function estimatePlan(
  subtasks: EstimateSubtaskInput[],
  prices: ReadonlyMap<string, PriceRates>,
  agentsPerProfile: ReadonlyMap<string, number>,
): PlanEstimate {
  const unpriced = new Set<string>();
  const each = subtasks.map((subtask) => {
    const picked = pickHistory(subtask);
    const usage = roundUsage(picked.usage);
    const price = prices.get(subtask.model);
    if (!price) unpriced.add(subtask.model);
    return {
      tokens: usage.inputTokens + usage.outputTokens + usage.cacheWriteTokens + usage.cacheReadTokens,
      costMicros: price ? callCostMicros(usage, price) : 0n,
      seconds: Math.max(1, Math.ceil(picked.seconds)),
      basis: picked.basis,
      samples: picked.samples,
    };
  });
  const schedule = schedulePlan(
    subtasks.map((subtask, index) => ({ seconds: each[index]!.seconds, dependsOn: subtask.dependsOn, profile: subtask.profile, priority: subtask.priority })),
    agentsPerProfile,
  );
  return {
    subtasks: each.map((estimate, index) => ({ ...estimate, startSeconds: schedule.startSeconds[index]! })),
    tokens: each.reduce((sum, estimate) => sum + estimate.tokens, 0),
    costMicros: each.reduce((sum, estimate) => sum + estimate.costMicros, 0n),
    seconds: schedule.totalSeconds,
    unpricedModels: [...unpriced].sort(),
  };
}
