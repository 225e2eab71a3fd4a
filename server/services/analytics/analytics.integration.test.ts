// Every analytics aggregate against a small hand-made history whose numbers are worked out
// below by hand: two UTC days of tasks, subtasks, model calls and agent processes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { createUser } from "../../testing/test-users";
import { agentUtilisation } from "./agent-utilisation";
import { analyticsSummary } from "./analytics-summary";
import { ZAnalyticsRangeSchema } from "./analytics-range";
import { costEstimates } from "./cost-estimates";
import { durations } from "./durations";
import { failureReasons } from "./failure-reasons";
import { queueWait } from "./queue-wait";
import { taskOutcomes } from "./task-outcomes";
import { usageBreakdown } from "./usage-breakdown";

const deps = createTestDeps("analytics");
const db = deps.db;

/** Day 1 is 2026-01-01, day 2 is 2026-01-02; `at(2, "09:20")` is 09:20 UTC on day 2. */
const at = (day: 0 | 1 | 2 | 3, time: string) => new Date(`${day === 0 ? "2025-12-31" : `2026-01-0${day}`}T${time}Z`);
const D1 = at(1, "00:00");
const D2 = at(2, "00:00");
const DAYS = ZAnalyticsRangeSchema.parse({ from: D1, to: at(3, "00:00"), bucket: "day" });
/** Open agent processes and running subtasks are counted up to this moment. */
const NOW = at(2, "18:00");

const ids = { gen: "", analyst: "", u1: "", u2: "", t1: "", t2: "", t3: "", t4: "", t6: "" };

beforeAll(async () => {
  await resetData(deps);
  await db.agentProfile.deleteMany({ where: { name: { in: ["an-general", "an-analyst"] } } });
  const profile = (name: string) => db.agentProfile.create({ data: { name, description: name, capabilities: [], systemPrompt: "-", allowedTools: [] } });
  ids.gen = (await profile("an-general")).id;
  ids.analyst = (await profile("an-analyst")).id;
  ids.u1 = (await createUser(db, "MEMBER", "u1@example.test")).id;
  ids.u2 = (await createUser(db, "MEMBER", "u2@example.test")).id;

  // Agent processes: A1 (general) alive from day 1 08:00 until now; A2 (analyst) day 1 09:00 to
  // day 2 10:00; A3 (general) from the evening before the range until day 1 02:00.
  const agent = (profileId: string, startedAt: Date, endedAt: Date | null) =>
    db.agentProcess.create({ data: { host: "h", profileId, state: endedAt ? "EXITED" : "IDLE", startedAt, endedAt } });
  const a1 = (await agent(ids.gen, at(1, "08:00"), null)).id;
  const a2 = (await agent(ids.analyst, at(1, "09:00"), at(2, "10:00"))).id;
  await agent(ids.gen, at(0, "20:00"), at(1, "02:00"));

  const task = async (status: "SUCCEEDED" | "FAILED" | "CANCELLED" | "RUNNING", createdAt: Date, finishedAt: Date | null, extra: object = {}) =>
    (await db.task.create({ data: { title: "t", prompt: "p", status, createdAt, finishedAt, ...extra } })).id;
  ids.t1 = await task("SUCCEEDED", at(1, "10:00"), at(1, "10:10"), { estimatedCostMicros: 1000n, costMicros: 1200n, createdById: ids.u1 });
  ids.t2 = await task("SUCCEEDED", at(1, "12:00"), at(1, "12:30"), { estimatedCostMicros: 2000n, costMicros: 1500n, createdById: ids.u2 });
  ids.t3 = await task("FAILED", at(1, "13:00"), at(1, "13:05"), { statusReason: "Timed out: the task did not finish within 30 minutes.", costMicros: 300n });
  ids.t4 = await task("FAILED", at(2, "09:00"), at(2, "09:20"), { statusReason: 'Subtask "Fetch" failed.' });
  await task("CANCELLED", at(2, "10:00"), at(2, "10:01"));
  ids.t6 = await task("SUCCEEDED", at(2, "11:00"), at(2, "12:00"), { costMicros: 500n });
  const t7 = await task("SUCCEEDED", at(0, "22:00"), at(0, "23:00"), { estimatedCostMicros: 1n, costMicros: 9999n }); // before the range
  const t8 = await task("RUNNING", at(2, "14:00"), null);

  let index = 0;
  const subtask = (taskId: string, status: "SUCCEEDED" | "FAILED" | "RUNNING", times: { queuedAt?: Date; startedAt?: Date; finishedAt?: Date }, extra: object = {}) =>
    db.subtask.create({ data: { taskId, index: index++, title: "s", instructions: "i", status, ...times, ...extra } }).then((s) => s.id);
  const s1a = await subtask(ids.t1, "SUCCEEDED", { queuedAt: at(1, "10:01"), startedAt: at(1, "10:02"), finishedAt: at(1, "10:05") }, { agentId: a1, profileId: ids.gen });
  const s1b = await subtask(ids.t1, "SUCCEEDED", { queuedAt: at(1, "10:01"), startedAt: at(1, "10:04"), finishedAt: at(1, "10:08") }, { agentId: a2, profileId: ids.analyst });
  const s2a = await subtask(ids.t2, "SUCCEEDED", { queuedAt: at(1, "12:05"), startedAt: at(1, "12:05:30"), finishedAt: at(1, "12:25:30") }, { agentId: a1, profileId: ids.gen });
  await subtask(ids.t3, "FAILED", { finishedAt: at(1, "13:04") }, { statusReason: "Command exited with code 2" });
  await subtask(ids.t4, "FAILED", { queuedAt: at(2, "09:01"), startedAt: at(2, "09:02"), finishedAt: at(2, "09:10") }, { agentId: a2, profileId: ids.analyst, statusReason: "Command exited with code 2" });
  const s6a = await subtask(ids.t6, "SUCCEEDED", { queuedAt: at(2, "11:10"), startedAt: at(2, "11:20"), finishedAt: at(2, "11:50") }, { agentId: a1, profileId: ids.gen });
  await subtask(t8, "RUNNING", { queuedAt: at(2, "16:59"), startedAt: at(2, "17:00") }, { agentId: a1, profileId: ids.gen });

  const call = (taskId: string, subtaskId: string | null, profileId: string | null, userId: string | null, model: string, createdAt: Date, usage: [number, number, number, number], costMicros: bigint) =>
    db.modelCall.create({
      data: { taskId, subtaskId, profileId, userId, model, createdAt, inputTokens: usage[0], outputTokens: usage[1], cacheReadTokens: usage[2], cacheWriteTokens: usage[3], costMicros, durationMs: 100 },
    });
  // usage: [input, output, cache read, cache write]
  await call(ids.t1, s1a, ids.gen, ids.u1, "claude-a", at(1, "10:03"), [100, 50, 10, 5], 700n);
  await call(ids.t1, s1b, ids.analyst, ids.u1, "claude-b", at(1, "10:06"), [200, 80, 0, 0], 500n);
  await call(ids.t2, s2a, ids.gen, ids.u2, "claude-a", at(1, "12:10"), [300, 100, 0, 0], 1500n);
  await call(ids.t3, null, null, ids.u2, "claude-b", at(1, "13:01"), [50, 20, 0, 0], 300n);
  await call(ids.t6, s6a, ids.gen, null, "claude-a", at(2, "11:30"), [400, 150, 20, 0], 500n);
  await call(t7, null, ids.gen, ids.u1, "claude-a", at(0, "22:30"), [9, 9, 9, 9], 9999n); // before the range
});

afterAll(async () => {
  await resetData(deps);
  await db.agentProfile.deleteMany({ where: { name: { in: ["an-general", "an-analyst"] } } });
  await deps.close();
});

describe("analytics", () => {
  it("counts tasks by outcome per day, with the success rate leaving cancellations out", async () => {
    const result = await taskOutcomes(db, DAYS);
    expect(result.series).toEqual([
      // day 1: t1, t2 succeeded; t3 failed → 2 / (2 + 1)
      { bucket: D1, succeeded: 2, failed: 1, cancelled: 0, successRate: 2 / 3 },
      // day 2: t6 succeeded; t4 failed; t5 cancelled → 1 / (1 + 1)
      { bucket: D2, succeeded: 1, failed: 1, cancelled: 1, successRate: 0.5 },
    ]);
    // t7 finished before the range; t8 is still running → 3 / (3 + 2)
    expect(result.total).toEqual({ succeeded: 3, failed: 2, cancelled: 1, successRate: 0.6 });
  });

  it("cuts hourly buckets at the range's edges and lists empty hours as zero", async () => {
    // From 10:30: t1 (finished 10:10) is outside; the first bucket still starts at 10:00.
    const range = ZAnalyticsRangeSchema.parse({ from: at(1, "10:30"), to: at(1, "13:30"), bucket: "hour" });
    const result = await taskOutcomes(db, range);
    expect(result.series.map((row) => [row.bucket.toISOString().slice(11, 16), row.succeeded, row.failed])).toEqual([
      ["10:00", 0, 0],
      ["11:00", 0, 0],
      ["12:00", 1, 0], // t2 at 12:30
      ["13:00", 0, 1], // t3 at 13:05
    ]);
  });

  // Percentiles come from histograms (duration-histogram.ts): bin k = floor(50 × log10(ms)) holds
  // [10^(k/50), 10^((k+1)/50)) ms. The q-th percentile of N durations is at rank q × N: find the
  // bin where the running count reaches it, then lower + (upper − lower) × (rank − count before) ÷
  // bin count, rounded. Bins used below (ms, edges rounded to 0.1):
  //   30 s = 30,000 → log10 4.477 → bin 223 [28,840.3, 30,199.5)
  //   1 min = 60,000 → log10 4.778 → bin 238 [57,544.0, 60,256.0)
  //   3 min = 180,000 → log10 5.255 → bin 262 [173,780.1, 181,970.1)
  //   4 min = 240,000 → log10 5.380 → bin 269 [239,883.3, 251,188.6)
  //   10 min = 600,000 → log10 5.778 → bin 288 [575,439.9, 602,559.6)
  //   20 min = 1,200,000 → log10 6.079 → bin 303 [1,148,153.6, 1,202,264.4)
  //   30 min = 1,800,000 → log10 6.255 → bin 312 [1,737,800.8, 1,819,700.9)
  //   60 min = 3,600,000 → log10 6.556 → bin 327 [3,467,368.5, 3,630,780.5)
  it("reads p50 and p95 of succeeded tasks and subtasks from log-scale histograms", async () => {
    const result = await durations(db, DAYS);
    expect(result.series).toEqual([
      {
        bucket: D1,
        // t1 10 min, t2 30 min. p50: rank 1 → bin 288, all of it → its upper edge 602,559.6.
        // p95: rank 1.9 → bin 312 (1 before it) at 0.9 → 1,737,800.8 + 0.9 × 81,900.1 = 1,811,510.9.
        tasks: { count: 2, p50Ms: 602_560, p95Ms: 1_811_511 },
        // s1a 3 min, s1b 4 min, s2a 20 min. p50: rank 1.5 → bin 269 (1 before) at 0.5 → 239,883.3 + 0.5 × 11,305.3 = 245,535.9.
        // p95: rank 2.85 → bin 303 (2 before) at 0.85 → 1,148,153.6 + 0.85 × 54,110.8 = 1,194,147.8.
        subtasks: { count: 3, p50Ms: 245_536, p95Ms: 1_194_148 },
      },
      {
        bucket: D2,
        // t6 60 min, alone in bin 327: p50 = 3,467,368.5 + 0.5 × 163,412.0 = 3,549,074.5; p95 = + 0.95 × 163,412.0 = 3,622,609.9.
        tasks: { count: 1, p50Ms: 3_549_075, p95Ms: 3_622_610 },
        // s6a 30 min, alone in bin 312: p50 = 1,737,800.8 + 0.5 × 81,900.1 = 1,778,750.9; p95 = + 0.95 × 81,900.1 = 1,815,606.0.
        subtasks: { count: 1, p50Ms: 1_778_751, p95Ms: 1_815_606 },
      },
    ]);
    expect(result.total).toEqual({
      // 10, 30, 60 min. p50: rank 1.5 → bin 312 (1 before) at 0.5 → 1,778,750.9.
      // p95: rank 2.85 → bin 327 (2 before) at 0.85 → 3,467,368.5 + 0.85 × 163,412.0 = 3,606,268.7.
      tasks: { count: 3, p50Ms: 1_778_751, p95Ms: 3_606_269 },
      // 3, 4, 20, 30 min. p50: rank 2 → bin 269 (1 before) at 1 → its upper edge 251,188.6.
      // p95: rank 3.8 → bin 312 (3 before) at 0.8 → 1,737,800.8 + 0.8 × 81,900.1 = 1,803,320.9.
      subtasks: { count: 4, p50Ms: 251_189, p95Ms: 1_803_321 },
    });
    // The exact p95 of the four subtasks is 28.5 min (1,710,000 ms, interpolating between 20 and
    // 30 min); the histogram answers within one bin (4.7 %) of the duration at rank ⌈3.8⌉ = 30 min.
  });

  it("counts durations in the partial hours at a range's ends from the rows themselves", async () => {
    // 10:05 to 12:31 on day 1, by hour: t1 (finished 10:10) and t2 (12:30) lie in the partial
    // hours, read from Task; nothing finished in the whole hours 11:00–12:00.
    const range = ZAnalyticsRangeSchema.parse({ from: at(1, "10:05"), to: at(1, "12:31"), bucket: "hour" });
    const result = await durations(db, range);
    expect(result.series.map((row) => [row.bucket.toISOString().slice(11, 16), row.tasks.count, row.subtasks.count])).toEqual([
      ["10:00", 1, 2], // t1; s1a (10:05) and s1b (10:08)
      ["11:00", 0, 0],
      ["12:00", 1, 1], // t2; s2a (12:25:30)
    ]);
    expect(result.total.tasks).toEqual({ count: 2, p50Ms: 602_560, p95Ms: 1_811_511 }); // as day 1 above
  });

  it("compares the plan's estimate with the cost of succeeded tasks that have one", async () => {
    const result = await costEstimates(db, DAYS);
    expect(result.series).toEqual([
      // t1 (1000 → 1200) + t2 (2000 → 1500) = 3000 → 2700, ratio 0.9
      { bucket: D1, tasks: 2, withoutEstimate: 0, estimatedMicros: 3000n, actualMicros: 2700n, actualToEstimate: 0.9 },
      // t6 has no estimate
      { bucket: D2, tasks: 0, withoutEstimate: 1, estimatedMicros: 0n, actualMicros: 0n, actualToEstimate: null },
    ]);
    expect(result.total).toEqual({ tasks: 2, withoutEstimate: 1, estimatedMicros: 3000n, actualMicros: 2700n, actualToEstimate: 0.9 });
  });

  it("measures queue wait from queued to first claimed, by the hour it was claimed (histogram bins above)", async () => {
    const result = await queueWait(db, DAYS);
    expect(result.series).toEqual([
      // s2a 30 s, s1a 60 s, s1b 180 s. p50: rank 1.5 → bin 238 (1 before) at 0.5 → 57,544.0 + 0.5 × 2,712.0 = 58,900.0.
      // p95: rank 2.85 → bin 262 (2 before) at 0.85 → 173,780.1 + 0.85 × 8,190.0 = 180,741.6.
      { bucket: D1, count: 3, p50Ms: 58_900, p95Ms: 180_742 },
      // s4 60 s, the running subtask 60 s, s6a 600 s. p50: rank 1.5 → bin 238 (2 in it) at 0.75 → 57,544.0 + 0.75 × 2,712.0 = 59,578.0.
      // p95: rank 2.85 → bin 288 (2 before) at 0.85 → 575,439.9 + 0.85 × 27,119.7 = 598,491.7.
      { bucket: D2, count: 3, p50Ms: 59_578, p95Ms: 598_492 },
    ]);
    // 30, 60, 60, 60, 180, 600 s. p50: rank 3 → bin 238 (1 before, 3 in it) at 2/3 → 57,544.0 + 2/3 × 2,712.0 = 59,352.0.
    // p95: rank 5.7 → bin 288 (5 before) at 0.7 → 575,439.9 + 0.7 × 27,119.7 = 594,423.7.
    expect(result.total).toEqual({ count: 6, p50Ms: 59_352, p95Ms: 594_424 });
  });

  it("divides time running subtasks by time alive, cut at day boundaries, per day and per profile", async () => {
    const result = await agentUtilisation(db, DAYS, NOW);
    // Alive, day 1: A1 08:00–24:00 16 h = 57,600 s; A2 09:00–24:00 15 h = 54,000 s; A3 00:00–02:00 2 h = 7,200 s → 118,800 s
    // Alive, day 2: A1 00:00–18:00 (now) 64,800 s; A2 00:00–10:00 36,000 s → 100,800 s
    // Busy, day 1: s1a 180 + s1b 240 + s2a 1,200 = 1,620 s
    // Busy, day 2: s4 480 + s6a 1,800 + the running subtask 17:00–18:00 3,600 = 5,880 s
    expect(result.series).toEqual([
      { bucket: D1, aliveSeconds: 118_800, busySeconds: 1620, utilisation: 1620 / 118_800 },
      { bucket: D2, aliveSeconds: 100_800, busySeconds: 5880, utilisation: 5880 / 100_800 },
    ]);
    expect(result.total).toEqual({ aliveSeconds: 219_600, busySeconds: 7500, utilisation: 7500 / 219_600 });
    expect(result.byProfile).toEqual([
      // general: A1 57,600 + 64,800 + A3 7,200 = 129,600 alive; 180 + 1,200 + 1,800 + 3,600 = 6,780 busy
      { profileId: ids.gen, profile: "an-general", aliveSeconds: 129_600, busySeconds: 6780, utilisation: 6780 / 129_600 },
      // analyst: A2 54,000 + 36,000 = 90,000 alive; 240 + 480 = 720 busy
      { profileId: ids.analyst, profile: "an-analyst", aliveSeconds: 90_000, busySeconds: 720, utilisation: 0.008 },
    ]);
  });

  it("sums tokens and cost per day, profile, model and person", async () => {
    const result = await usageBreakdown(db, DAYS);
    const usage = (calls: number, inputTokens: number, outputTokens: number, cacheReadTokens: number, cacheWriteTokens: number, costMicros: bigint) => ({
      calls,
      inputTokens,
      outputTokens,
      cacheReadTokens,
      cacheWriteTokens,
      costMicros,
    });
    expect(result.series).toEqual([
      // c1 + c2 + c3 + c4: input 100 + 200 + 300 + 50, output 50 + 80 + 100 + 20, cost 700 + 500 + 1500 + 300
      { bucket: D1, ...usage(4, 650, 250, 10, 5, 3000n) },
      { bucket: D2, ...usage(1, 400, 150, 20, 0, 500n) }, // c5
    ]);
    expect(result.total).toEqual(usage(5, 1050, 400, 30, 5, 3500n)); // the call before the range is left out
    expect(result.byProfile).toEqual([
      { key: ids.gen, label: "an-general", ...usage(3, 800, 300, 30, 5, 2700n) }, // c1 + c3 + c5
      { key: ids.analyst, label: "an-analyst", ...usage(1, 200, 80, 0, 0, 500n) }, // c2
      { key: null, label: "(no profile)", ...usage(1, 50, 20, 0, 0, 300n) }, // c4
    ]);
    expect(result.byModel).toEqual([
      { key: "claude-a", label: "claude-a", ...usage(3, 800, 300, 30, 5, 2700n) }, // c1 + c3 + c5
      { key: "claude-b", label: "claude-b", ...usage(2, 250, 100, 0, 0, 800n) }, // c2 + c4
    ]);
    expect(result.byUser).toEqual([
      { key: ids.u2, label: "u2@example.test", ...usage(2, 350, 120, 0, 0, 1800n) }, // c3 + c4
      { key: ids.u1, label: "u1@example.test", ...usage(2, 300, 130, 10, 5, 1200n) }, // c1 + c2
      { key: null, label: "(no user)", ...usage(1, 400, 150, 20, 0, 500n) }, // c5
    ]);
  });

  it("ranks failure reasons, counting subtask causes instead of the task failures they caused", async () => {
    expect(await failureReasons(db, DAYS)).toEqual([
      // s3 (day 1 13:04) and s4 (day 2 09:10); t4's own 'Subtask "Fetch" failed.' is not counted
      { kind: "subtask", reason: "Command exited with code 2", count: 2, lastAt: at(2, "09:10"), lastTaskId: ids.t4 },
      { kind: "task", reason: "Timed out: the task did not finish within 30 minutes.", count: 1, lastAt: at(1, "13:05"), lastTaskId: ids.t3 },
    ]);
  });

  it("sums the range's headline numbers", async () => {
    expect(await analyticsSummary(db, DAYS)).toEqual({
      finished: 6,
      succeeded: 3,
      failed: 2,
      cancelled: 1,
      successRate: 0.6,
      calls: 5,
      tokens: 1485, // 1050 + 400 + 30 + 5
      costMicros: 3500n,
    });
  });

  it("sums the partial hours at a range's ends from the calls themselves, whole hours from the rollup", async () => {
    // 10:04 on day 1 to 11:31 on day 2: c1 (10:03) is out; c2 (10:06) and c5 (11:30) are in partial hours.
    const range = ZAnalyticsRangeSchema.parse({ from: at(1, "10:04"), to: at(2, "11:31"), bucket: "hour" });
    const result = await usageBreakdown(db, range);
    expect(result.total).toMatchObject({ calls: 4, costMicros: 2800n }); // c2 500 + c3 1500 + c4 300 + c5 500
    expect(result.series.at(0)).toMatchObject({ bucket: at(1, "10:00"), calls: 1, costMicros: 500n });
    expect(result.series.at(-1)).toMatchObject({ bucket: at(2, "11:00"), calls: 1, costMicros: 500n });
    expect((await analyticsSummary(db, range)).costMicros).toBe(2800n);
  });

  it("combines whole days, whole hours and partial hours when grouping by day", async () => {
    // From 09:30 on day 1: 09:30–10:00 comes from the rows, 10:00–24:00 from hourly rollups and
    // day 2 from daily ones. Nothing happened before 10:00, so every answer equals the whole days'.
    const partial = ZAnalyticsRangeSchema.parse({ from: at(1, "09:30"), to: at(3, "00:00"), bucket: "day" });
    expect(await durations(db, partial)).toEqual(await durations(db, DAYS));
    expect(await queueWait(db, partial)).toEqual(await queueWait(db, DAYS));
    expect(await usageBreakdown(db, partial)).toEqual(await usageBreakdown(db, DAYS));
    expect(await analyticsSummary(db, partial)).toEqual(await analyticsSummary(db, DAYS));
  });

  it("keeps the rollup equal to the calls when calls are deleted", async () => {
    await db.modelCall.deleteMany({ where: { taskId: ids.t3 } }); // c4: 300, claude-b, no profile
    const result = await usageBreakdown(db, DAYS);
    expect(result.total).toMatchObject({ calls: 4, costMicros: 3200n });
    expect(result.byProfile.map((row) => row.label)).toEqual(["an-general", "an-analyst"]);
    const rollup = await db.modelCallRollup.aggregate({ where: { granularity: "day", bucket: { gte: D1 } }, _sum: { calls: true, costMicros: true } });
    expect(rollup._sum).toEqual({ calls: 4n, costMicros: 3200n });
  });

  it("answers zeros for every bucket of a range with no activity", async () => {
    const empty = ZAnalyticsRangeSchema.parse({ from: "2025-06-01", to: "2025-06-04", bucket: "day" });
    const outcomes = await taskOutcomes(db, empty);
    expect(outcomes.series.map((row) => row.succeeded + row.failed + row.cancelled)).toEqual([0, 0, 0]);
    expect((await durations(db, empty)).total.tasks).toEqual({ count: 0, p50Ms: null, p95Ms: null });
    expect((await agentUtilisation(db, empty, NOW)).byProfile).toEqual([]);
    expect((await usageBreakdown(db, empty)).byModel).toEqual([]);
  });

  it("keeps the rollups equal to a from-scratch aggregate as tasks, subtasks and agents change", async () => {
    const snapshot = async () => ({
      outcomes: await db.$queryRaw`SELECT bucket, status::text, tasks, "estimatedTasks", "estimatedMicros", "estimatedActualMicros" FROM "TaskOutcomeRollup" ORDER BY 1, 2`,
      durations: await db.$queryRaw`SELECT granularity, kind, bucket, bin, count FROM "DurationRollup" ORDER BY 1, 2, 3, 4`,
      agentTime: await db.$queryRaw`SELECT bucket, "profileId", "busyMs", "aliveMs" FROM "AgentTimeRollup" ORDER BY 1, 2`,
    });
    const before = await snapshot();
    const [a1, a2, a3] = await db.agentProcess.findMany({ orderBy: { startedAt: "asc" } }).then((rows) => [rows[1]!.id, rows[2]!.id, rows[0]!.id]);
    const running = await db.subtask.findFirstOrThrow({ where: { status: "RUNNING" } });
    const s1b = await db.subtask.findFirstOrThrow({ where: { taskId: ids.t1, agentId: a2 } });
    const s2a = await db.subtask.findFirstOrThrow({ where: { taskId: ids.t2 } });

    // The running subtask finishes, across three hours.
    await db.subtask.update({ where: { id: running.id }, data: { status: "SUCCEEDED", finishedAt: at(2, "19:30") } });
    // s1b is retried from the task page, then runs again on another agent the next day.
    await db.subtask.update({ where: { id: s1b.id }, data: { status: "QUEUED", finishedAt: null, queuedAt: at(2, "07:59") } });
    await db.subtask.update({ where: { id: s1b.id }, data: { status: "RUNNING", startedAt: at(2, "08:00"), agentId: a1, profileId: ids.gen } });
    await db.subtask.update({ where: { id: s1b.id }, data: { status: "SUCCEEDED", finishedAt: at(2, "08:45") } });
    // s2a's result time is corrected; t3 is retried and succeeds; t1's spend grows after it finished.
    await db.subtask.update({ where: { id: s2a.id }, data: { finishedAt: at(1, "12:40") } });
    await db.task.update({ where: { id: ids.t3 }, data: { status: "RUNNING", finishedAt: null } });
    await db.task.update({ where: { id: ids.t3 }, data: { status: "SUCCEEDED", finishedAt: at(2, "13:00"), estimatedCostMicros: 400n } });
    await db.task.update({ where: { id: ids.t1 }, data: { costMicros: 1300n } });
    // A1 ends, A3 is deleted, t6 is deleted with its subtask, failed subtasks move profile in bulk.
    await db.agentProcess.update({ where: { id: a1 }, data: { state: "EXITED", endedAt: at(2, "20:00") } });
    await db.agentProcess.delete({ where: { id: a3 } });
    await db.task.delete({ where: { id: ids.t6 } });
    await db.subtask.updateMany({ where: { status: "FAILED" }, data: { profileId: ids.gen, agentId: a2, startedAt: at(1, "13:01") } });
    // Two subtasks arrive in one statement, one already finished.
    await db.subtask.createMany({
      data: [
        { taskId: ids.t2, index: 90, title: "s", instructions: "i", status: "SUCCEEDED", queuedAt: at(1, "12:00"), startedAt: at(1, "12:01"), finishedAt: at(1, "12:02"), agentId: a2, profileId: ids.analyst },
        { taskId: ids.t2, index: 91, title: "s", instructions: "i", status: "QUEUED", queuedAt: at(1, "12:00") },
      ],
    });

    const kept = await snapshot();
    expect(kept).not.toEqual(before);
    await db.$queryRaw`SELECT rebuild_analytics_rollups()::text`;
    expect(await snapshot()).toEqual(kept);
    // And busy time against the subtasks themselves, without the rollup's functions.
    const [busy] = await db.$queryRaw<{ rollup: bigint; direct: bigint }[]>`
      SELECT (SELECT SUM("busyMs") FROM "AgentTimeRollup")::bigint AS rollup,
        (SELECT SUM(EXTRACT(EPOCH FROM ("finishedAt" - "startedAt")) * 1000) FROM "Subtask" WHERE "agentId" IS NOT NULL AND "finishedAt" > "startedAt")::bigint AS direct`;
    expect(busy!.rollup).toBe(busy!.direct);
  });

  it("plans the rollup functions' statements once per connection, not at every claim and completion", async () => {
    const rows = await db.$queryRaw<{ name: string; config: string[] | null }[]>`
      SELECT proname AS name, proconfig AS config FROM pg_proc WHERE proname IN ('apply_subtask_rollups', 'apply_task_rollups', 'apply_agent_process_rollups') ORDER BY 1`;
    expect(rows).toEqual(["apply_agent_process_rollups", "apply_subtask_rollups", "apply_task_rollups"].map((name) => ({ name, config: ["plan_cache_mode=force_generic_plan"] })));
  });
});
