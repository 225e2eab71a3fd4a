import { describe, expect, it } from "vitest";
import { DURATION_BUCKETS, WAIT_BUCKETS, type MetricsSnapshot } from "./read-metrics";
import { renderMetrics } from "./render-metrics";

const EMPTY: MetricsSnapshot = {
  queues: [],
  queueWait: [],
  subtaskDuration: [],
  subtasksFinished: [],
  tasks: [],
  agents: [],
  agentsEnded: [],
  modelUsage: [],
  repairs: { jobsReadded: 0, subtasksRequeued: 0, subtasksFailed: 0, tasksTimedOut: 0, tasksAdvanced: 0 },
};

describe("renderMetrics", () => {
  it("writes precomputed histograms with cumulative buckets, +Inf, sum and count", async () => {
    const text = await renderMetrics({
      ...EMPTY,
      subtaskDuration: [{ labels: { profile: "analyst", status: "SUCCEEDED" }, buckets: DURATION_BUCKETS.map((_, i) => (i < 2 ? 1 : 3)), count: 4, sum: 123.5 }],
      queueWait: [{ labels: { profile: "analyst" }, buckets: WAIT_BUCKETS.map(() => 2), count: 2, sum: 0.25 }],
    }).text;
    expect(text).toContain("# TYPE baton_subtask_duration_seconds histogram");
    expect(text).toContain('baton_subtask_duration_seconds_bucket{profile="analyst",status="SUCCEEDED",le="1"} 1');
    expect(text).toContain('baton_subtask_duration_seconds_bucket{profile="analyst",status="SUCCEEDED",le="15"} 3');
    expect(text).toContain('baton_subtask_duration_seconds_bucket{profile="analyst",status="SUCCEEDED",le="+Inf"} 4');
    expect(text).toContain('baton_subtask_duration_seconds_sum{profile="analyst",status="SUCCEEDED"} 123.5');
    expect(text).toContain('baton_subtask_duration_seconds_count{profile="analyst",status="SUCCEEDED"} 4');
    expect(text).toContain('baton_queue_wait_seconds_bucket{profile="analyst",le="0.1"} 2');
  });

  it("writes counters and gauges with their labels, cost in dollars and tokens by kind", async () => {
    const text = await renderMetrics({
      ...EMPTY,
      queues: [{ profile: "generalist", waiting: 3, oldestQueuedSeconds: 42 }],
      subtasksFinished: [{ status: "FAILED", count: 2 }],
      agents: [{ profile: "generalist", state: "IDLE", count: 2 }],
      modelUsage: [{ model: 'claude-"x"', profile: "generalist", calls: 5, inputTokens: 1000, outputTokens: 200, cacheWriteTokens: 0, cacheReadTokens: 50, costMicros: 1_234_567n }],
      repairs: { ...EMPTY.repairs, jobsReadded: 7 },
    }).text;
    expect(text).toContain('baton_queue_depth{profile="generalist"} 3');
    expect(text).toContain('baton_queue_oldest_wait_seconds{profile="generalist"} 42');
    expect(text).toContain('baton_subtasks_finished_total{status="FAILED"} 2');
    expect(text).toContain('baton_agents{profile="generalist",state="IDLE"} 2');
    expect(text).toContain('baton_model_calls_total{model="claude-\\"x\\"",profile="generalist"} 5');
    expect(text).toContain('baton_model_tokens_total{model="claude-\\"x\\"",profile="generalist",kind="cache_read"} 50');
    expect(text).toContain('baton_model_cost_usd_total{model="claude-\\"x\\"",profile="generalist"} 1.234567');
    expect(text).toContain('baton_reconciler_repairs_total{repair="jobsReadded"} 7');
    expect(text).toContain('baton_reconciler_repairs_total{repair="tasksTimedOut"} 0');
  });
});
