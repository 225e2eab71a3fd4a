// /api/metrics after a real task run (daemon, agents, simulated Claude): the scrape is parsed as
// Prometheus text and every number is checked against PostgreSQL and Redis — the counts, tokens
// and cost the agents wrote, the histograms' buckets, the queue a profile without agents leaves
// waiting, and the repair the reconciler made in the daemon's process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, RELAYED_HEADER } from "../../auth/client-address";
import { startDaemon, type RunningDaemon } from "../../testing/start-daemon";
import { createTestDeps, resetData, taskFinished, waitFor } from "../../testing/test-deps";
import { readRepairs } from "./reconciler-repairs";
import { DURATION_BUCKETS, readMetrics } from "./read-metrics";
import { renderMetrics } from "./render-metrics";
import { createTask } from "../tasks/create-task";

const deps = createTestDeps("metrics");
let daemon: RunningDaemon;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format's sample lines (comments and blank lines skipped). */
function parse(text: string): Sample[] {
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!.replace(/\\(.)/g, "$1")]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

const pick = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const total = (samples: Sample[], name: string, labels: Record<string, string> = {}) => pick(samples, name, labels).reduce((sum, s) => sum + s.value, 0);

async function scrape(): Promise<Sample[]> {
  const rendered = renderMetrics(await readMetrics(deps));
  expect(rendered.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  return parse(await rendered.text);
}

let researcherSubtaskId = "";

beforeAll(async () => {
  await resetData(deps);
  // No researcher may run, so a researcher subtask stays queued for the queue metrics.
  daemon = await startDaemon({ prefix: deps.prefix, args: ["--fleet", "researcher=0-0"] });
  const created = await createTask(deps, { request: { prompt: "Summarise the two largest files in the workspace, then write a combined report.", priority: 5 }, userId: null });
  const task = await taskFinished(deps, created.id, 90_000);
  expect(task.status, `${task.statusReason}\n${daemon.output()}`).toBe("SUCCEEDED");

  // A queued subtask without a job: the reconciler in the daemon re-adds it and counts the repair.
  const researcher = await deps.db.agentProfile.findUniqueOrThrow({ where: { name: "researcher" } });
  const stuck = await deps.db.task.create({ data: { title: "waits", prompt: "p", status: "RUNNING" } });
  researcherSubtaskId = (
    await deps.db.subtask.create({ data: { taskId: stuck.id, index: 0, title: "Research", instructions: "i", status: "QUEUED", profileId: researcher.id, queuedAt: new Date() } })
  ).id;
  await waitFor("the reconciler to re-add the job", async () => (await readRepairs(deps.redis, deps.keys.reconcilerRepairs)).jobsReadded >= 1);
  // With the daemon stopped nothing moves, so the scrape and the database can be compared exactly.
  await daemon.stop();
}, 150_000);

afterAll(async () => {
  await daemon.stop();
  await deps.close();
});

describe("/api/metrics", () => {
  it("counts outcomes, tasks and agent processes as the database holds them", async () => {
    const samples = await scrape();
    for (const status of ["SUCCEEDED", "FAILED", "SKIPPED", "CANCELLED"] as const) {
      expect(total(samples, "baton_subtasks_finished_total", { status }), status).toBe(await deps.db.subtask.count({ where: { status } }));
    }
    expect(total(samples, "baton_subtasks_finished_total", { status: "SUCCEEDED" })).toBeGreaterThanOrEqual(3);
    expect(total(samples, "baton_tasks", { status: "SUCCEEDED" })).toBe(1);
    expect(total(samples, "baton_tasks", { status: "RUNNING" })).toBe(1);

    expect(total(samples, "baton_agents")).toBe(0);
    expect(pick(samples, "baton_agents", { profile: "generalist", state: "IDLE" })).toHaveLength(1);
    const exited = await deps.db.agentProcess.count({ where: { state: "EXITED" } });
    expect(exited).toBeGreaterThan(0);
    expect(total(samples, "baton_agent_processes_ended_total", { state: "EXITED" })).toBe(exited);
  });

  it("reports tokens and cost per model and profile equal to the recorded model calls", async () => {
    const samples = await scrape();
    const calls = await deps.db.modelCall.findMany({ include: { profile: true } });
    expect(calls.length).toBeGreaterThan(0);
    expect(total(samples, "baton_model_calls_total")).toBe(calls.length);
    const sum = (pickValue: (c: (typeof calls)[number]) => number) => calls.reduce((acc, c) => acc + pickValue(c), 0);
    expect(total(samples, "baton_model_tokens_total", { kind: "input" })).toBe(sum((c) => c.inputTokens));
    expect(total(samples, "baton_model_tokens_total", { kind: "output" })).toBe(sum((c) => c.outputTokens));
    expect(total(samples, "baton_model_tokens_total", { kind: "cache_read" })).toBe(sum((c) => c.cacheReadTokens));
    expect(total(samples, "baton_model_cost_usd_total")).toBeCloseTo(sum((c) => Number(c.costMicros)) / 1e6, 6);
    for (const call of calls) {
      const labels = { model: call.model, profile: call.profile?.name ?? "none" };
      expect(total(samples, "baton_model_calls_total", labels)).toBe(calls.filter((c) => c.model === call.model && c.profileId === call.profileId).length);
    }
  });

  it("builds the subtask duration histogram from the runs' start and finish times", async () => {
    const samples = await scrape();
    const runs = await deps.db.subtask.findMany({ where: { status: "SUCCEEDED" }, include: { profile: true } });
    for (const profile of new Set(runs.map((r) => r.profile!.name))) {
      const labels = { profile, status: "SUCCEEDED" };
      const seconds = runs.filter((r) => r.profile!.name === profile).map((r) => (r.finishedAt!.getTime() - r.startedAt!.getTime()) / 1000);
      expect(total(samples, "baton_subtask_duration_seconds_count", labels)).toBe(seconds.length);
      expect(total(samples, "baton_subtask_duration_seconds_sum", labels)).toBeCloseTo(seconds.reduce((a, b) => a + b, 0), 3);
      for (const le of DURATION_BUCKETS) {
        expect(total(samples, "baton_subtask_duration_seconds_bucket", { ...labels, le: String(le) }), `le=${le}`).toBe(seconds.filter((s) => s <= le).length);
      }
      expect(total(samples, "baton_subtask_duration_seconds_bucket", { ...labels, le: "+Inf" })).toBe(seconds.length);
    }
    const waited = await deps.db.subtask.count({ where: { queuedAt: { not: null }, startedAt: { not: null } } });
    expect(total(samples, "baton_queue_wait_seconds_count")).toBe(waited);
  });

  it("shows the waiting queue and the reconciler's repairs made in another process", async () => {
    const samples = await scrape();
    expect(total(samples, "baton_queue_depth", { profile: "researcher" })).toBe(await deps.dispatcher.waitingCount(deps.keys.agentQueue("researcher")));
    expect(total(samples, "baton_queue_depth", { profile: "researcher" })).toBe(1);
    expect(total(samples, "baton_queue_depth", { profile: "generalist" })).toBe(0);
    const queued = await deps.db.subtask.findUniqueOrThrow({ where: { id: researcherSubtaskId } });
    const oldest = total(samples, "baton_queue_oldest_wait_seconds", { profile: "researcher" });
    expect(oldest).toBeGreaterThan(0);
    expect(oldest).toBeLessThanOrEqual((Date.now() - queued.queuedAt!.getTime()) / 1000);
    const repairs = await readRepairs(deps.redis, deps.keys.reconcilerRepairs);
    expect(total(samples, "baton_reconciler_repairs_total", { repair: "jobsReadded" })).toBe(repairs.jobsReadded);
    expect(repairs.jobsReadded).toBeGreaterThanOrEqual(1);
  });

  it("serves the route to loopback clients and refuses others with the reason", async () => {
    const { GET } = await import("../../../app/api/metrics/route");
    // The headers the web server writes on every request (server.ts).
    const from = (address: string, relayed: string | null = "0") =>
      GET(new Request("http://baton.test/api/metrics", { headers: { [CLIENT_ADDRESS_HEADER]: address, ...(relayed === null ? {} : { [RELAYED_HEADER]: relayed }) } }));
    const refused = await from("198.51.100.7");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/BATON_METRICS_TOKEN/);
    // Relayed by an untrusted proxy, or not through the web server at all: the peer may not be the client.
    expect((await from("127.0.0.1", "1")).status).toBe(403);
    expect((await from("127.0.0.1", null)).status).toBe(403);
    const served = await from("127.0.0.1");
    expect(served.status).toBe(200);
    expect(parse(await served.text()).some((s) => s.name === "baton_tasks")).toBe(true);
  });
});
