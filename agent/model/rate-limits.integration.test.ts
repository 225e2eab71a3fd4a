// 429s, 529s and account limits through the real daemon, agents and SDK against a simulated
// Claude that counts every HTTP attempt: retries stay within one budget (the SDK's, per call),
// retry-after is honoured, a spend limit is not retried, and a usage-window reset pauses the
// whole fleet's dispatch until it passes. Every profile is capped at one model call at a time
// here, and the last test checks no two calls of a profile ever overlapped.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTask } from "../../server/services/tasks/create-task";
import { startDaemon, type RunningDaemon } from "../../server/testing/start-daemon";
import { createTestDeps, resetData, taskFinished, waitFor } from "../../server/testing/test-deps";
import { createSimServer, type SimServer } from "../sim";
import type { SimRequestRecord } from "../sim/sim-options";

const MAX_RETRIES = 3;
const RETRY_AFTER_MS = 400;
const deps = createTestDeps("rate-limits");
const requests: (SimRequestRecord & { at: number })[] = [];
let sim: SimServer;
let daemon: RunningDaemon;

beforeAll(async () => {
  await resetData(deps);
  await deps.db.agentProfile.updateMany({ data: { maxConcurrentCalls: 1 } });
  // Calls take a while, so two that overlapped would show it.
  sim = await createSimServer({ retryAfterMs: RETRY_AFTER_MS, firstTokenDelayMs: 300, onRequest: (request) => requests.push({ ...request, at: Date.now() }) });
  daemon = await startDaemon({
    prefix: deps.prefix,
    env: { BATON_SIM_URL: sim.url, BATON_MODEL_MAX_RETRIES: String(MAX_RETRIES), BATON_RATE_LIMIT_INLINE_WAIT_MS: "1500" },
  });
});
afterAll(async () => {
  await deps.db.agentProfile.updateMany({ data: { maxConcurrentCalls: null } });
  await daemon.stop();
  await sim.close();
  await deps.close();
});

const finished = (taskId: string) => taskFinished(deps, taskId);

/** The HTTP attempts of each subtask's conversation (its agent's requests share a first message). */
function attemptsBySubtask(marker: string) {
  const bySubtask = new Map<string, (SimRequestRecord & { at: number })[]>();
  for (const request of requests.filter((r) => r.acting && r.firstUserText.includes(marker))) {
    bySubtask.set(request.firstUserText, [...(bySubtask.get(request.firstUserText) ?? []), request]);
  }
  return [...bySubtask.values()];
}

describe("retries of rate-limited and overloaded calls", () => {
  for (const status of [429, 529]) {
    it(`waits out ${status}s with retry-after and succeeds within the retry budget, using one job attempt`, async () => {
      const marker = `[sim:agent-fail=${status}x2]`;
      const created = await createTask(deps, { request: { prompt: `Survey one file ${marker}`, priority: 5 }, userId: null });
      const task = await finished(created.id);
      expect(task.status, daemon.output()).toBe("SUCCEEDED");

      const subtasks = await deps.db.subtask.findMany({ where: { taskId: task.id } });
      for (const subtask of subtasks) expect(subtask.attempts).toBe(1);
      const conversations = attemptsBySubtask(marker);
      expect(conversations).toHaveLength(subtasks.length);
      for (const attempts of conversations) {
        // The first call: two refusals, then the answer — 3 HTTP attempts of the 1 + MAX_RETRIES allowed.
        expect(attempts.slice(0, 3).map((a) => a.status)).toEqual([status, status, 200]);
        expect(attempts.filter((a) => a.status !== 200)).toHaveLength(2);
        expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(RETRY_AFTER_MS - 20);
        expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(RETRY_AFTER_MS - 20);
      }
      const calls = await deps.db.modelCall.count({ where: { taskId: task.id, subtaskId: { not: null } } });
      expect(conversations.flat().filter((a) => a.status === 200)).toHaveLength(calls);
    }, 180_000);
  }

  it("gives up after 1 + BATON_MODEL_MAX_RETRIES attempts of one call, without retrying the job on top", async () => {
    const marker = "[sim:agent-fail=429x9]";
    const created = await createTask(deps, { request: { prompt: `Survey one file ${marker}`, priority: 5 }, userId: null });
    const task = await finished(created.id);
    expect(task.status).toBe("FAILED");
    const failed = await deps.db.subtask.findFirstOrThrow({ where: { taskId: task.id, status: "FAILED" } });
    expect(failed.attempts).toBe(1);
    expect(failed.statusReason).toMatch(/^Claude answered 429: .*rate limit/);
    const [attempts, ...others] = attemptsBySubtask(marker);
    expect(others).toHaveLength(0);
    expect(attempts!.map((a) => a.status)).toEqual(Array(1 + MAX_RETRIES).fill(429));
    console.log(`429 on every attempt: ${attempts!.length} HTTP attempts for the subtask (budget ${1 + MAX_RETRIES}; before: SDK 5 × BullMQ 3 = 15)`);
  }, 180_000);

  it("does not retry a 429 that says the spend limit is reached, and fails the subtask with its message", async () => {
    const id = randomUUID();
    const created = await createTask(deps, { request: { prompt: `Survey one file [sim:spend-limit] ${id}`, priority: 5 }, userId: null });
    const task = await finished(created.id);
    expect(task.status).toBe("FAILED");
    const failed = await deps.db.subtask.findFirstOrThrow({ where: { taskId: task.id, status: "FAILED" } });
    expect(failed.attempts).toBe(1);
    expect(failed.statusReason).toBe("Claude answered 429: Your organization has reached its monthly spend limit (simulated). Raise it in the Console under Billing.");
    expect(attemptsBySubtask(id).flat().map((a) => a.status)).toEqual([429]);
    expect(await deps.fleetPause.read()).toBeNull();
  }, 180_000);
});

describe("an account-wide usage window", () => {
  it("pauses every agent's dispatch until the reset, then carries on by itself", async () => {
    const marker = `[sim:usage-limit=3:${randomUUID().slice(0, 8)}]`;
    const first = await createTask(deps, { request: { prompt: `Survey one file ${marker}`, priority: 5 }, userId: null });
    const limited = await waitFor("the usage-window 429", async () => requests.find((r) => r.status === 429 && r.firstUserText.includes(marker)), 30_000);
    const pause = await waitFor("the fleet pause", () => deps.fleetPause.read(), 5000);
    expect(pause.until - limited.at).toBeGreaterThan(2500);
    expect(pause.until - limited.at).toBeLessThan(3500);
    expect(pause.reason).toMatch(/usage window/);

    // Work submitted during the pause waits too, on every queue.
    const second = await createTask(deps, { request: { prompt: "Survey one file", priority: 5 }, userId: null });
    const [a, b] = [await finished(first.id), await finished(second.id)];
    expect(a.status, daemon.output()).toBe("SUCCEEDED");
    expect(b.status).toBe("SUCCEEDED");

    const during = requests.filter((r) => r.at > limited.at && r.at < pause.until - 50);
    expect(during).toEqual([]);
    const after = requests.filter((r) => r.at >= pause.until - 50);
    expect(after.length).toBeGreaterThan(0);
    expect(await deps.fleetPause.read()).toBeNull();
    // Handing the plan back used up none of its attempts: one plan call answered, no failure recorded.
    expect(await deps.db.logEvent.count({ where: { taskId: first.id, level: "ERROR" } })).toBe(0);
    console.log(`usage window: first request after the 429 came ${Math.min(...after.map((r) => r.at)) - limited.at} ms later (reset after ${pause.until - limited.at} ms)`);
  }, 180_000);
});

describe("the per-profile cap on concurrent calls", () => {
  it("never has two model calls of one profile in flight, even for parallel subtasks", async () => {
    const created = await createTask(deps, { request: { prompt: "Summarise each file [sim:wide=3]", priority: 5 }, userId: null });
    expect((await finished(created.id)).status).toBe("SUCCEEDED");
    const calls = await deps.db.modelCall.findMany({ where: { profileId: { not: null } }, orderBy: { createdAt: "asc" } });
    let checked = 0;
    for (const profileId of new Set(calls.map((call) => call.profileId))) {
      const profileCalls = calls.filter((call) => call.profileId === profileId);
      // A call's slot is taken when it starts and given back before its row is written.
      const spans = profileCalls.map((c) => ({ start: c.createdAt.getTime() - c.durationMs, end: c.createdAt.getTime() })).sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++) {
        expect(spans[i]!.start, "a call started while another of its profile was running").toBeGreaterThanOrEqual(spans[i - 1]!.end - 100);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  }, 180_000);
});
