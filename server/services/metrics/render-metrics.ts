// Turns a metrics snapshot into the Prometheus text format with prom-client: gauges and counters
// set from the snapshot in a registry built for this scrape, histograms from the bucket counts
// PostgreSQL computed. Names, help texts and labels are documented in the README ("Metrics").
import { Counter, Gauge, Registry, type Metric } from "prom-client";
import { DURATION_BUCKETS, WAIT_BUCKETS, type HistogramSeries, type MetricsSnapshot } from "./read-metrics";

/** A histogram whose buckets were counted elsewhere (prom-client's own only counts observations). */
function precomputedHistogram(name: string, help: string, bounds: number[], series: HistogramSeries[]): Metric {
  const values = series.flatMap(({ labels, buckets, count, sum }) => [
    ...bounds.map((le, i) => ({ metricName: `${name}_bucket`, labels: { ...labels, le }, value: buckets[i]! })),
    { metricName: `${name}_bucket`, labels: { ...labels, le: "+Inf" }, value: count },
    { metricName: `${name}_sum`, labels, value: sum },
    { metricName: `${name}_count`, labels, value: count },
  ]);
  const body = { name, help, type: "histogram", aggregator: "sum", values };
  return { ...body, get: async () => body } as unknown as Metric;
}

export function renderMetrics(snapshot: MetricsSnapshot): { contentType: string; text: Promise<string> } {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[]) => new Gauge({ name, help, labelNames, registers: [registry] });
  const counter = (name: string, help: string, labelNames: string[]) => new Counter({ name, help, labelNames, registers: [registry] });

  const depth = gauge("baton_queue_depth", "Jobs waiting to be taken in a profile's queue (BullMQ waiting and prioritized).", ["profile"]);
  const oldest = gauge("baton_queue_oldest_wait_seconds", "Age of the oldest QUEUED subtask of a profile; 0 when none waits.", ["profile"]);
  for (const queue of snapshot.queues) {
    depth.set({ profile: queue.profile }, queue.waiting);
    oldest.set({ profile: queue.profile }, queue.oldestQueuedSeconds);
  }
  registry.registerMetric(precomputedHistogram("baton_queue_wait_seconds", "Time from queued to started, per subtask run, by profile.", WAIT_BUCKETS, snapshot.queueWait));
  registry.registerMetric(
    precomputedHistogram("baton_subtask_duration_seconds", "Time from started to finished of subtasks that succeeded or failed, by profile and status.", DURATION_BUCKETS, snapshot.subtaskDuration),
  );

  const subtasks = counter("baton_subtasks_finished_total", "Subtasks that ended, by final status.", ["status"]);
  for (const row of snapshot.subtasksFinished) subtasks.inc({ status: row.status }, row.count);
  const tasks = gauge("baton_tasks", "Tasks by status (the terminal statuses only grow).", ["status"]);
  for (const row of snapshot.tasks) tasks.set({ status: row.status }, row.count);

  const agents = gauge("baton_agents", "Live agent processes by profile and state.", ["profile", "state"]);
  for (const row of snapshot.agents) agents.set({ profile: row.profile, state: row.state }, row.count);
  const ended = counter("baton_agent_processes_ended_total", "Agent processes that exited (EXITED) or crashed (CRASHED), by profile.", ["profile", "state"]);
  for (const row of snapshot.agentsEnded) ended.inc({ profile: row.profile, state: row.state }, row.count);

  const calls = counter("baton_model_calls_total", "Messages API calls, by model and profile.", ["model", "profile"]);
  const tokens = counter("baton_model_tokens_total", "Tokens of Messages API calls, by model, profile and kind (input, output, cache_write, cache_read).", ["model", "profile", "kind"]);
  const cost = counter("baton_model_cost_usd_total", "Cost of Messages API calls in US dollars, by model and profile.", ["model", "profile"]);
  for (const row of snapshot.modelUsage) {
    const labels = { model: row.model, profile: row.profile };
    calls.inc(labels, row.calls);
    tokens.inc({ ...labels, kind: "input" }, row.inputTokens);
    tokens.inc({ ...labels, kind: "output" }, row.outputTokens);
    tokens.inc({ ...labels, kind: "cache_write" }, row.cacheWriteTokens);
    tokens.inc({ ...labels, kind: "cache_read" }, row.cacheReadTokens);
    cost.inc(labels, Number(row.costMicros) / 1_000_000);
  }

  const repairs = counter("baton_reconciler_repairs_total", "Repairs by the reconciler on any host, by kind.", ["repair"]);
  for (const [repair, n] of Object.entries(snapshot.repairs)) repairs.inc({ repair }, n);

  return { contentType: registry.contentType, text: registry.metrics() };
}
