// Chain overhead: a 40-step sequential chain of zero-work subtasks through the whole pipeline
// (real daemon, agent processes, PostgreSQL, Redis, simulated Claude at zero latency). Prints
// per-step time and the dispatch gap between one step finishing and the next starting, each beside
// a baseline measured in the same run: the same chain as plain BullMQ jobs on the same Redis.
// Beside them a reference, not a goal: the same chain on plain BullMQ workers that only record
// the claim and the result and make the model call (support/reference-graph.ts).
// BENCH_CHAINS (default 5) chains are measured after a warm-up one, and their median reported.
import { createTestDeps, resetData, waitFor } from "../server/testing/test-deps";
import { startDaemon } from "../server/testing/start-daemon";
import { createTask } from "../server/services/tasks/create-task";
import { runRawBullmqChain } from "./chain/raw-bullmq-chain";
import { agentStarts } from "./support/pipeline";
import { runReferenceGraph, startGraphReference, zeroWorkChain } from "./support/reference-graph";

const STEPS = 40;
const CHAINS = Number(process.env.BENCH_CHAINS ?? 5);
const deps = createTestDeps("bench-chain");
await resetData(deps);
const DAEMON_ENV = { BATON_RECONCILE_INTERVAL_MS: "5000", BATON_LOCK_DURATION_MS: "4000", BATON_STALLED_INTERVAL_MS: "2000" };
const GOAL_MS = 14;
const daemon = await startDaemon({ prefix: deps.prefix, env: DAEMON_ENV });

async function runChain(steps: number) {
  const { id } = await createTask(deps, { request: { prompt: `Benchmark chain [sim:chain=${steps}] [sim:instant]`, priority: 5 }, userId: null });
  const task = await waitFor("the chain to finish", async () => {
    const row = await deps.db.task.findUniqueOrThrow({ where: { id } });
    return ["SUCCEEDED", "FAILED", "CANCELLED"].includes(row.status) ? row : null;
  }, 120_000, 250); // the steps' own timestamps are measured: polling faster only takes CPU from them
  if (task.status !== "SUCCEEDED") throw new Error(`chain ended ${task.status}: ${task.statusReason}\n${daemon.output()}`);
  const subtasks = await deps.db.subtask.findMany({ where: { taskId: id }, orderBy: { index: "asc" } });
  return { task, subtasks, started: await agentStarts(deps, id) };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

try {
  await waitFor("4 idle agents", async () => (await deps.db.agentProcess.count({ where: { state: "IDLE" } })) >= 4, 180_000, 200).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${daemon.output()}`);
  });
  // Warm-up at full length: first connections, prepared statements, and enough calls for V8 to
  // optimise the hot path (a 5-step warm-up left the first measured steps a third slower).
  await runChain(STEPS);

  // Several chains, reported by their median: one chain's time varies by a fifth from run to run.
  const perSteps: number[] = [];
  const gaps: number[] = [];
  const runs: number[] = [];
  const wholeTasks: number[] = [];
  for (let chain = 0; chain < CHAINS; chain++) {
    const { task, subtasks, started } = await runChain(STEPS);
    perSteps.push((subtasks.at(-1)!.finishedAt!.getTime() - subtasks[0]!.startedAt!.getTime()) / STEPS);
    // A step starts when its agent holds the claim (its "Started" line), and ends with its result's statement.
    gaps.push(...subtasks.slice(1).map((s, i) => started.get(s.id)! - subtasks[i]!.finishedAt!.getTime()));
    runs.push(...subtasks.map((s) => s.finishedAt!.getTime() - started.get(s.id)!));
    wholeTasks.push(task.finishedAt!.getTime() - task.createdAt.getTime());
  }
  const agents = Number(process.env.BATON_MAX_AGENTS ?? 4);
  // The agents sit idle (blocked on their queues) while the baseline runs.
  const rawChain = (steps: number) =>
    runRawBullmqChain({
      redisUrl: process.env.REDIS_URL!,
      prefix: deps.prefix,
      steps,
      workers: agents,
      lockDurationMs: Number(DAEMON_ENV.BATON_LOCK_DURATION_MS),
      stalledIntervalMs: Number(DAEMON_ENV.BATON_STALLED_INTERVAL_MS),
    });
  await rawChain(STEPS); // warm-up, as for the chain
  const rawPerSteps: number[] = [];
  const rawGaps: number[] = [];
  for (let chain = 0; chain < CHAINS; chain++) {
    const raw = await rawChain(STEPS);
    rawPerSteps.push(raw.perStepMs);
    rawGaps.push(...raw.gapsMs);
  }
  // The reference, with the daemon stopped: the same chain on plain BullMQ workers that record the
  // claim and the result and make the model call, nothing else (support/reference-graph.ts).
  await daemon.stop();
  const reference = await startGraphReference(deps, { workers: agents, lockDurationMs: Number(DAEMON_ENV.BATON_LOCK_DURATION_MS), stalledIntervalMs: Number(DAEMON_ENV.BATON_STALLED_INTERVAL_MS) });
  const referencePerSteps: number[] = [];
  try {
    for (let run = 0; run <= CHAINS; run++) {
      // Timed as the chain above: the first step's claim → the last step's result. The first run warms up.
      const { spanMs } = await runReferenceGraph(reference.raw, deps, `chain ${run}`, zeroWorkChain(STEPS));
      if (run > 0) referencePerSteps.push(spanMs / STEPS);
    }
  } finally {
    await reference.close();
  }

  const perStep = percentile(perSteps, 50);
  const referencePerStep = percentile(referencePerSteps, 50);
  const rawPerStep = percentile(rawPerSteps, 50);
  const rawGap = (p: number) => percentile(rawGaps, p).toFixed(1);
  const range = (values: number[]) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;
  console.log(`chain of ${STEPS} zero-work subtasks on ${agents} agents, ${CHAINS} chains (medians; range in brackets)`);
  console.log(
    `  per step (first start → last finish) / ${STEPS}: ${perStep.toFixed(1)} ms [${range(perSteps)}]   baseline (raw BullMQ chain) ${rawPerStep.toFixed(1)} ms [${range(rawPerSteps)}]   ` +
      `ratio ${(perStep / rawPerStep).toFixed(1)}×   goal ≤ ${GOAL_MS} ms   ${perStep <= GOAL_MS ? "MET" : "MISSED"}`,
  );
  console.log(`  reference, plain BullMQ workers that record the claim and the result and make the model call (first start → last finish) / ${STEPS}: ${referencePerStep.toFixed(1)} ms [${range(referencePerSteps)}]`);
  if (referencePerStep > GOAL_MS) console.log(`    out of reach on this machine, whatever the orchestration: ≤ ${GOAL_MS} ms a step`);
  console.log(`  dispatch gap (finish → its agent starts the next): p50 ${percentile(gaps, 50)} ms, p99 ${percentile(gaps, 99)} ms   baseline p50 ${rawGap(50)} ms, p99 ${rawGap(99)} ms`);
  console.log(`  step run (started → result, one model call): p50 ${percentile(runs, 50)} ms, p99 ${percentile(runs, 99)} ms`);
  console.log(`  whole task (created → succeeded, incl. planning and result): ${percentile(wholeTasks, 50)} ms`);
} finally {
  await daemon.stop();
  await deps.close();
}
