// Dispatch overhead: how long a subtask waits between becoming ready (its last dependency's
// completion is recorded) and its agent starting it (holding its claim, about to call the model:
// its "Started" line), beside plain
// BullMQ (Queue.add → an idle Worker's processor starting) with the same number of workers and
// settings, on the same Redis, in the same run. Two paths, each reported on its own:
//   - a chain's next step, which the completing agent takes as a follow-on while its queue is
//     empty (no job: see completeSubtask), over a few hundred steps;
//   - a fan-out's branches that go through the queue to idle agents (root → 3 branches → join:
//     one branch may follow on, the others get jobs), told apart by whether their job exists.
// Goal: p50 ≤ 5 ms and p99 ≤ 25 ms above BullMQ's. A reference, not a goal, runs the same chains
// and fan-outs on plain BullMQ workers that only record the claim and the result and make the
// model call (support/reference-graph.ts): the same path with nothing of Baton's on it.
import { jobIdFor } from "../server/contracts/jobs";
import { compare, distribution, fmt, monotonicMs, printHeader, printSummary } from "./support/report";
import { agentStarts, startPipeline, submitTask, waitForTasks } from "./support/pipeline";
import { startRawQueue, type RawQueue } from "./support/raw-queue";
import { graphJobId, runReferenceGraph, startGraphReference, zeroWorkChain } from "./support/reference-graph";
import type { DagNode } from "./support/schedule-sim";

const CHAINS = Number(process.env.BENCH_CHAINS ?? 6);
const FANOUTS = Number(process.env.BENCH_FANOUTS ?? 60);
const STEPS = 51; // 50 dispatches per chain
const RAW_SAMPLES = CHAINS * (STEPS - 1);

printHeader("Dispatch overhead: ready → agent started, against plain BullMQ add → processor start", [
  `${CHAINS} chains of ${STEPS} zero-work subtasks (${RAW_SAMPLES} dispatches), then ${FANOUTS} fan-outs of 3 branches; 4 agents on one queue, simulated Claude at zero latency`,
]);
const pipeline = await startPipeline("bench-dispatch");
const { db } = pipeline.deps;

try {
  // Warm-up: first connections, JIT, prepared statements.
  await waitForTasks(pipeline, [await submitTask(pipeline.deps, "Warm-up chain [sim:chain=5] [sim:instant]")]);

  const ready: number[] = [];
  const claimed: number[] = [];
  const inHand: number[] = [];
  for (let chain = 0; chain < CHAINS; chain++) {
    const id = await submitTask(pipeline.deps, `Dispatch benchmark chain ${chain + 1} [sim:chain=${STEPS}] [sim:instant]`);
    await waitForTasks(pipeline, [id]);
    const steps = await db.subtask.findMany({ where: { taskId: id }, orderBy: { index: "asc" }, select: { id: true, startedAt: true, finishedAt: true } });
    const started = await agentStarts(pipeline.deps, id);
    for (let i = 1; i < steps.length; i++) {
      const dependencyDone = steps[i - 1]!.finishedAt!.getTime();
      const { startedAt } = steps[i]!;
      ready.push(started.get(steps[i]!.id)! - dependencyDone);
      claimed.push(startedAt!.getTime() - dependencyDone);
      inHand.push(started.get(steps[i]!.id)! - startedAt!.getTime());
    }
  }

  // Fan-outs: the branches that went through the queue (their job exists) to an idle agent.
  const queued: number[] = [];
  // Where a queued branch's time goes, in stored times (ms): the root finished → its job added
  // (the job's timestamp, taken as Queue.add is called: the completion statement's run and commit
  // and what follows before the add) → taken by an agent's worker (the add's round trip and
  // BullMQ's hand-over) → claimed (the claim statement's now()) → started.
  const legs = { added: [] as number[], taken: [] as number[], claimed: [] as number[], started: [] as number[] };
  const slowest: { total: number; legs: number[] }[] = [];
  let followedOn = 0;
  for (let i = 0; i < FANOUTS; i++) {
    const id = await submitTask(pipeline.deps, `Dispatch benchmark fan-out ${i + 1} [sim:wide=3] [sim:instant]`);
    await waitForTasks(pipeline, [id]);
    const rows = await db.subtask.findMany({ where: { taskId: id }, orderBy: { index: "asc" }, select: { id: true, startedAt: true, finishedAt: true, profile: { select: { name: true } } } });
    const root = rows[0]!;
    const started = await agentStarts(pipeline.deps, id);
    for (const branch of rows.slice(1, -1)) {
      const job = await pipeline.deps.dispatcher.queue(pipeline.deps.keys.agentQueue(branch.profile!.name)).getJob(jobIdFor("subtask", { taskId: id, subtaskId: branch.id }));
      if (!job) {
        followedOn++;
        continue;
      }
      const at = { finished: root.finishedAt!.getTime(), added: job.timestamp, taken: job.processedOn!, claimed: branch.startedAt!.getTime(), started: started.get(branch.id)! };
      queued.push(at.started - at.finished);
      legs.added.push(at.added - at.finished);
      legs.taken.push(at.taken - at.added);
      legs.claimed.push(at.claimed - at.taken);
      legs.started.push(at.started - at.claimed);
      slowest.push({ total: at.started - at.finished, legs: [at.added - at.finished, at.taken - at.added, at.claimed - at.taken, at.started - at.claimed] });
    }
  }
  await pipeline.daemon.stop(); // the baseline runs with the agents gone, on an otherwise equal machine

  const raw = await startRawQueue({ prefix: pipeline.deps.prefix, workers: pipeline.agents, mode: "empty", ...pipeline.worker });
  const rawSamples: number[] = [];
  for (let i = 0; i < RAW_SAMPLES + 20; i++) {
    const id = `raw-${i}`;
    const added = monotonicMs();
    await raw.add(id, { taskId: "raw", subtaskId: id });
    const started = await raw.started(id);
    await raw.finished(id);
    if (i >= 20) rawSamples.push(started - added); // the first 20 warm up
  }
  await raw.close();

  // The reference: the same chains, not counted (its workers warm up as the agents did), then the
  // same fan-outs: root's result recorded → a branch claimed by another, idle worker.
  const referenceSamples: number[] = [];
  let referenceOwnWorker = 0;
  const reference = await startGraphReference(pipeline.deps, { workers: pipeline.agents, ...pipeline.worker });
  try {
    for (let i = 0; i < CHAINS; i++) await runReferenceGraph(reference.raw, pipeline.deps, `chain ${i + 1}`, zeroWorkChain(STEPS));
    for (let i = 0; i < FANOUTS; i++) {
      const { samples, ownWorker } = await referenceFanOut(reference.raw, `fan-out ${i + 1}`);
      referenceSamples.push(...samples);
      referenceOwnWorker += ownWorker;
    }
  } finally {
    await reference.close();
  }

  const product = distribution(ready);
  const viaQueue = distribution(queued);
  const baseline = distribution(rawSamples);
  const a = distribution(claimed);
  const w = distribution(inHand);
  console.log(`\n  chain steps, dependency finished → its agent started the next step (${product.n} samples, ms resolution of the stored times):`);
  console.log(`    p50 ${fmt(product.p50, "ms")}, p99 ${fmt(product.p99, "ms")}, max ${fmt(product.max, "ms")}`);
  console.log(`    of which finished → claimed: p50 ${fmt(a.p50, "ms")}, p99 ${fmt(a.p99, "ms")}; claimed → started: p50 ${fmt(w.p50, "ms")}, p99 ${fmt(w.p99, "ms")}`);
  console.log(`  fan-out branches through the queue, root finished → branch started (${viaQueue.n} samples; ${followedOn} more followed on):`);
  console.log(`    p50 ${fmt(viaQueue.p50, "ms")}, p99 ${fmt(viaQueue.p99, "ms")}, max ${fmt(viaQueue.max, "ms")}`);
  const leg = (name: keyof typeof legs) => fmt(distribution(legs[name]).p50, "ms");
  console.log(`    of which, p50 of each leg: root finished → job added ${leg("added")}, → taken by an agent ${leg("taken")}, → claimed ${leg("claimed")}, → started ${leg("started")}`);
  const tail = slowest.sort((x, y) => y.total - x.total).slice(0, 3);
  console.log(`    the slowest, by leg (added, taken, claimed, started): ${tail.map((s) => `${s.total} ms (${s.legs.join(", ")})`).join("; ")}`);
  console.log(`  plain BullMQ, Queue.add → processor start (${baseline.n} samples, monotonic clock): p50 ${fmt(baseline.p50, "ms")}, p99 ${fmt(baseline.p99, "ms")}, max ${fmt(baseline.max, "ms")}`);
  const referenceFigures = distribution(referenceSamples);
  console.log(`  reference, the same chains and fan-outs on plain BullMQ workers that record the claim and the result and make the model call, nothing else:`);
  console.log(`    root finished → branch claimed by an idle worker (${referenceFigures.n} samples, ms resolution as above; ${referenceOwnWorker} more taken by the root's own worker): p50 ${fmt(referenceFigures.p50, "ms")}, p99 ${fmt(referenceFigures.p99, "ms")}, max ${fmt(referenceFigures.max, "ms")}`);
  const beyond = (ms: number) => `${ms < 0 ? "−" : "+"}${fmt(Math.abs(ms), "ms")}`;
  console.log(`    Baton through the queue against it: p50 ${beyond(viaQueue.p50 - referenceFigures.p50)}, p99 ${beyond(viaQueue.p99 - referenceFigures.p99)}`);
  if (referenceFigures.p50 > baseline.p50 + 5) console.log(`    out of reach on this machine, whatever the orchestration: p50 ≤ baseline + 5 ms (${fmt(baseline.p50 + 5, "ms")})`);
  if (referenceFigures.p99 > baseline.p99 + 25) console.log(`    out of reach on this machine, whatever the orchestration: p99 ≤ baseline + 25 ms (${fmt(baseline.p99 + 25, "ms")})`);
  console.log();
  for (const [path, figures] of [["chain", product], ["through the queue", viaQueue]] as const) {
    compare({ label: `dispatch p50, ${path}`, unit: "ms", value: figures.p50, baseline: baseline.p50, goal: "≤ baseline + 5 ms", met: figures.p50 <= baseline.p50 + 5 });
    compare({ label: `dispatch p99, ${path}`, unit: "ms", value: figures.p99, baseline: baseline.p99, goal: "≤ baseline + 25 ms", met: figures.p99 <= baseline.p99 + 25 });
  }
  printSummary();
} finally {
  await pipeline.stop();
}

/**
 * Root → 3 branches → join, with no work, on the reference's workers. A sample is timed as Baton's
 * are: from the root's `finishedAt` (its result statement's own time) to a branch's claim having
 * come back to its worker (wall clock), for each branch an idle worker took.
 */
async function referenceFanOut(graph: RawQueue, name: string): Promise<{ samples: number[]; ownWorker: number }> {
  const nodes: DagNode[] = [
    { workMs: 0, priority: 5, dependsOn: [] },
    ...[1, 2, 3].map(() => ({ workMs: 0, priority: 5, dependsOn: [0] })),
    { workMs: 0, priority: 5, dependsOn: [1, 2, 3] },
  ];
  const { run } = await runReferenceGraph(graph, pipeline.deps, name, nodes);
  const root = await db.subtask.findUniqueOrThrow({ where: { id: graphJobId(run, 0) }, select: { finishedAt: true } });
  const rootWorker = (await graph.message("claimed", graphJobId(run, 0))).pid;
  const samples: number[] = [];
  for (const branch of [1, 2, 3]) {
    const claimed = await graph.message("claimed", graphJobId(run, branch));
    if (claimed.pid !== rootWorker) samples.push(claimed.wallMs - root.finishedAt!.getTime());
  }
  return { samples, ownWorker: 3 - samples.length };
}
