// What an agent checks before each model call and records after it. Before: waits out a short
// account-wide rate-limit pause (a long one hands the job back), stops at a safe point when the
// call could take the task past its budget, and takes one of the profile's concurrent-call slots.
// After: the call's ModelCall row, with its cost at the model's price. While PostgreSQL is out of
// reach, the budget's read and the row wait for it (server/db/unreached.ts). The row of a call
// that only calls the run's terminal tool can be held back, for the run's result to write in its
// own statement (see completeSubtask); whatever else comes next writes it first.
import { setTimeout as sleep } from "node:timers/promises";
import { callCostMicros, worstCaseCallMicros } from "../../server/services/costs/compute-cost";
import type { PriceBook } from "../../server/services/costs/price-book";
import { newModelCallId, recordModelCall, type ModelCallRecord } from "../../server/services/costs/record-model-call";
import { pauseAtBudget } from "../../server/services/budgets/pause-at-budget";
import { whileUnreached } from "../../server/db/unreached";
import type { FleetPause } from "../../server/services/fleet/fleet-pause";
import type { CallSlots } from "../model/call-slots";
import { BudgetReachedError, FleetPausedError } from "../model/call-deferrals";
import type { ToolLoopOptions } from "../model/run-tool-loop";
import type { AgentRuntime } from "./runtime";

export interface ModelCallControls {
  prices: PriceBook;
  fleetPause: FleetPause;
  slots: CallSlots;
  /** The longest rate-limit pause an agent sits out holding its job; a longer one returns the job to the queue. */
  inlineWaitMs: number;
}

/** The task's spend as the gate checks it; a subtask's claim reads it, so the first call needs no query of its own. */
export interface TaskSpend {
  status: string;
  costMicros: bigint;
  budgetMicros: bigint | null;
}

export interface ModelGate extends Required<Pick<ToolLoopOptions, "beforeCall" | "onUsage">> {
  /** The held-back row of the last call, not yet written; null when every call is on record. */
  held(): ModelCallRecord | null;
  /** Writes the held-back row, if any: the run goes on or ends without the statement that would have. */
  flush(): Promise<void>;
}

export interface ModelGateOptions {
  /** The task's spend read at the claim: the first call's budget check needs no query of its own. */
  spendAtClaim?: TaskSpend;
  /** The run's terminal tool: a call that calls only this tool has its row held back (see held()). */
  holdBackFor?: string;
}

export function modelGate(runtime: AgentRuntime, taskId: string, subtaskId: string | null, options: ModelGateOptions = {}): ModelGate {
  const controls = runtime.modelCalls;
  const { db, sql } = runtime.deps;
  let known = options.spendAtClaim;
  let held: ModelCallRecord | null = null;
  const flush = async () => {
    if (!held) return;
    const record = held;
    await whileUnreached(() => recordModelCall(sql, record));
    held = null;
  };
  return {
    held: () => held,
    flush,
    async beforeCall(call, signal) {
      // The terminal tool refused its input and the run goes on: the last call is written first.
      await flush();
      await waitOutFleetPause(controls, signal);
      const task = known ?? (await whileUnreached(() => db.task.findUnique({ where: { id: taskId }, select: { status: true, costMicros: true, budgetMicros: true } })));
      known = undefined;
      if (task?.status === "BUDGET_REACHED") throw new BudgetReachedError("The task reached its budget.");
      if (task?.budgetMicros != null) {
        const price = await controls.prices.priceOf(call.model);
        const worstCase = price ? worstCaseCallMicros(call, price) : 0n;
        if (task.costMicros + worstCase > task.budgetMicros) {
          await pauseAtBudget(runtime.deps, taskId);
          throw new BudgetReachedError("The next model call could take the task past its budget.");
        }
      }
      const limit = runtime.profile.maxConcurrentCalls;
      return limit ? controls.slots.acquire(runtime.profile.id, limit, signal) : undefined;
    },
    async onUsage(usage, turn) {
      const id = newModelCallId();
      const terminalOnly = options.holdBackFor !== undefined && turn.toolNames.length > 0 && turn.toolNames.every((name) => name === options.holdBackFor);
      // The call was made: its row waits for PostgreSQL rather than failing the run (written by its id, it is written once).
      await whileUnreached(async () => {
        const price = await controls.prices.priceOf(usage.model);
        const record: ModelCallRecord = { id, taskId, subtaskId, profileId: runtime.profile.id, agentId: runtime.agentId, ...usage, costMicros: price ? callCostMicros(usage, price) : 0n };
        if (terminalOnly) held = record;
        else await recordModelCall(sql, record);
      });
    },
  };
}

async function waitOutFleetPause(controls: ModelCallControls, signal: AbortSignal): Promise<void> {
  // The pause lives in Redis; while Redis is out of reach nobody can have set a new one, and
  // Claude's own 429s still stop the call, so the call goes ahead rather than failing the run.
  const read = () => controls.fleetPause.read().catch(() => null);
  for (let pause = await read(); pause; pause = await read()) {
    const left = pause.until - Date.now();
    if (left > controls.inlineWaitMs) throw new FleetPausedError(pause.until, pause.reason);
    await sleep(Math.max(1, left), undefined, { signal }).catch((error: unknown) => {
      signal.throwIfAborted();
      throw error;
    });
  }
}
