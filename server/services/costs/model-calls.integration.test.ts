// Every Messages API call of a task is recorded with its usage and cost, through the real daemon,
// agents, SDK and simulated Claude: the rows add up to the task's and subtasks' totals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type RunningDaemon } from "../../testing/start-daemon";
import { createTestDeps, resetData, taskFinished, waitFor } from "../../testing/test-deps";
import { createUser } from "../../testing/test-users";
import { createTask } from "../tasks/create-task";
import { callCostMicros } from "./compute-cost";
import { costSummary } from "./cost-summary";

const deps = createTestDeps("model-calls");
let daemon: RunningDaemon;

beforeAll(async () => {
  await resetData(deps);
  daemon = await startDaemon({ prefix: deps.prefix });
});
afterAll(async () => {
  await daemon.stop();
  await deps.close();
});

const finished = (taskId: string) => taskFinished(deps, taskId);

const sum = <T>(rows: T[], pick: (row: T) => number | bigint) => rows.reduce((total, row) => total + BigInt(pick(row)), 0n);

describe("model calls", () => {
  it("records one row per call whose tokens and cost add up to the task's and each subtask's", async () => {
    const user = await createUser(deps.db, "MEMBER");
    const created = await createTask(deps, { request: { prompt: "Summarise the two largest files in the workspace, then write a combined report.", priority: 5 }, userId: user.id });
    const task = await finished(created.id);
    expect(task.status, daemon.output()).toBe("SUCCEEDED");

    const calls = await deps.db.modelCall.findMany({ where: { taskId: task.id } });
    const subtasks = await deps.db.subtask.findMany({ where: { taskId: task.id } });
    expect(calls.length).toBeGreaterThanOrEqual(subtasks.length + 2); // planning, each subtask, finalizing
    const price = await deps.db.modelPrice.findUniqueOrThrow({ where: { model: "claude-sonnet-5" } });
    for (const call of calls) {
      expect(call.model).toBe("claude-sonnet-5");
      expect(call.userId).toBe(user.id);
      expect(call.profileId).not.toBeNull();
      expect(call.agentId).not.toBeNull();
      expect(call.stopReason).toMatch(/tool_use|end_turn/);
      expect(call.costMicros).toBe(callCostMicros(call, price));
      expect(call.costMicros).toBeGreaterThan(0n);
    }
    expect(task.costMicros).toBe(sum(calls, (c) => c.costMicros));
    expect(BigInt(task.inputTokens)).toBe(sum(calls, (c) => c.inputTokens));
    expect(BigInt(task.outputTokens)).toBe(sum(calls, (c) => c.outputTokens));
    expect(BigInt(task.cacheReadTokens)).toBe(sum(calls, (c) => c.cacheReadTokens));
    expect(BigInt(task.cacheWriteTokens)).toBe(sum(calls, (c) => c.cacheWriteTokens));
    expect(task.cacheReadTokens).toBeGreaterThan(0);
    for (const subtask of subtasks) {
      const own = calls.filter((c) => c.subtaskId === subtask.id);
      expect(own.length).toBeGreaterThan(0);
      expect(subtask.costMicros).toBe(sum(own, (c) => c.costMicros));
      expect(BigInt(subtask.cacheWriteTokens + subtask.cacheReadTokens + subtask.inputTokens)).toBe(sum(own, (c) => c.inputTokens + c.cacheReadTokens + c.cacheWriteTokens));
    }

    const summary = await costSummary(deps.db, { from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 60_000) });
    expect(summary.totalMicros).toBe(task.costMicros);
    expect(summary.byUser).toEqual([expect.objectContaining({ key: user.id, label: user.email, calls: calls.length, costMicros: task.costMicros })]);
    expect(sum(summary.byProfile, (r) => r.costMicros)).toBe(task.costMicros);
    expect(summary.byProfile.map((r) => r.label)).toContain("generalist");
    console.log(`cost of a diamond task: ${calls.length} calls, ${task.costMicros} micro-dollars`);
  }, 180_000);

  it("records a model without a price at cost 0", async () => {
    await deps.db.modelPrice.delete({ where: { model: "claude-sonnet-5" } });
    try {
      // Prices are cached by each agent for 30 s; a fresh daemon reads the table anew.
      await daemon.stop();
      daemon = await startDaemon({ prefix: deps.prefix });
      const created = await createTask(deps, { request: { prompt: "Survey one file", priority: 5 }, userId: null });
      const task = await finished(created.id);
      expect(task.status).toBe("SUCCEEDED");
      expect(task.costMicros).toBe(0n);
      expect(task.inputTokens).toBeGreaterThan(0);
      expect(await deps.db.modelCall.count({ where: { taskId: task.id, costMicros: { gt: 0 } } })).toBe(0);
      await waitFor("the missing-price warning", async () => daemon.output().includes('No price for model "claude-sonnet-5"'), 5000);
      expect(daemon.output().split('No price for model "claude-sonnet-5"').length - 1).toBeLessThanOrEqual(4); // once per agent process
    } finally {
      await deps.db.modelPrice.create({ data: { model: "claude-sonnet-5", inputMicrosPerMTok: 3_000_000n, outputMicrosPerMTok: 15_000_000n, cacheWriteMicrosPerMTok: 3_750_000n, cacheReadMicrosPerMTok: 300_000n } });
    }
  }, 180_000);
});
