// When the model gate writes a call's row, against the real PostgreSQL and Redis: at once, or,
// for a call that only calls the run's terminal tool, held back for the completion to write
// and written by whatever comes instead (the next call, or a run that ends without a result).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../../server/create-redis";
import { createDatabase } from "../../server/db/create-prisma";
import { startTcpProxy, throughProxy } from "../../server/testing/tcp-proxy";
import { createPriceBook } from "../../server/services/costs/price-book";
import { createFleetPause } from "../../server/services/fleet/fleet-pause";
import { createTestDeps, resetData } from "../../server/testing/test-deps";
import type { TurnUsage } from "../model/run-tool-loop";
import { modelGate } from "./model-gate";
import type { AgentRuntime } from "./runtime";

const deps = createTestDeps("model-gate");
const redis = createRedis(process.env.REDIS_URL!);
let taskId = "";
let subtaskId = "";
const profile = { id: "", maxConcurrentCalls: null };

beforeAll(async () => {
  await resetData(deps);
  profile.id = (await deps.db.agentProfile.findUniqueOrThrow({ where: { name: "analyst" } })).id;
  const task = await deps.db.task.create({ data: { title: "t", prompt: "p", status: "RUNNING" } });
  taskId = task.id;
  subtaskId = (await deps.db.subtask.create({ data: { taskId, index: 0, title: "a", instructions: "i", status: "RUNNING" } })).id;
});

afterAll(async () => {
  await redis.quit();
  await deps.close();
});

// Only what the gate uses: the database, prices, the fleet pause, and a profile without a cap on concurrent calls.
const runtime = {
  deps,
  agentId: "agent-test",
  profile,
  modelCalls: {
    prices: createPriceBook(deps.db, { ttlMs: 60_000, warn: () => {} }),
    fleetPause: createFleetPause(redis, deps.keys.fleetPause),
    inlineWaitMs: 1000,
  },
} as unknown as AgentRuntime;

const usage: TurnUsage = { model: "claude-sonnet-5", inputTokens: 100, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0, durationMs: 3, stopReason: "tool_use" };
const calls = () => deps.db.modelCall.count({ where: { taskId } });
const nextCall = { model: "claude-sonnet-5", maxTokens: 100, inputTokens: 200 };
const signal = new AbortController().signal;

describe("modelGate", () => {
  it("writes a call's row at once when the call also calls other tools, or holds nothing back", async () => {
    const gate = modelGate(runtime, taskId, subtaskId, { holdBackFor: "finish" });
    const before = await calls();
    await gate.onUsage(usage, { toolNames: ["write_file", "finish"] });
    expect(gate.held()).toBeNull();
    expect(await calls()).toBe(before + 1);

    const plain = modelGate(runtime, taskId, subtaskId);
    await plain.onUsage(usage, { toolNames: ["finish"] });
    expect(plain.held()).toBeNull();
    expect(await calls()).toBe(before + 2);
  });

  it("holds back the row of a call that only calls the terminal tool, and writes it before the next call", async () => {
    const gate = modelGate(runtime, taskId, subtaskId, { holdBackFor: "finish" });
    const before = await calls();
    await gate.onUsage(usage, { toolNames: ["finish"] });
    expect(gate.held()).toMatchObject({ taskId, subtaskId, agentId: "agent-test", inputTokens: 100 });
    expect(await calls()).toBe(before);

    // finish refused its input, and the run asks Claude again.
    await gate.beforeCall(nextCall, signal);
    expect(gate.held()).toBeNull();
    expect(await calls()).toBe(before + 1);
  });

  it("writes a held-back row once when the run ends without its result", async () => {
    const gate = modelGate(runtime, taskId, subtaskId, { holdBackFor: "finish" });
    const before = await calls();
    await gate.onUsage(usage, { toolNames: ["finish"] });
    await gate.flush();
    await gate.flush();
    expect(gate.held()).toBeNull();
    expect(await calls()).toBe(before + 1);
  });

  it("waits for PostgreSQL to come back to write a call's row, rather than failing the run", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const away = createDatabase(throughProxy(process.env.DATABASE_URL!, proxy), { max: 2 });
    try {
      const cut = { ...runtime, deps: { ...deps, ...away } } as AgentRuntime;
      const before = await calls();
      proxy.cut();
      const writing = modelGate(cut, taskId, subtaskId).onUsage(usage, { toolNames: ["write_file"] });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await calls()).toBe(before);
      await proxy.restore();
      await writing;
      expect(await calls()).toBe(before + 1);
    } finally {
      await away.db.$disconnect();
      await proxy.close();
    }
  });
});
