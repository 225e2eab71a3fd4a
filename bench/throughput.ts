// Throughput: many small tasks of 10 zero-work subtasks (a survey, 8 parallel branches, a join)
// on 4 agents, through the whole pipeline (plan, advance, run, logs, finalize), in subtasks per
// second, beside a reference measured in the same run: plain BullMQ with 4 worker processes whose
// jobs write the same PostgreSQL rows per subtask as the pipeline did (counted per table from
// pg_stat_user_tables over the real run, less the idle fleet's background writes) with no
// orchestration (see support/reference-writes.ts). Goal: ≥ 70% of the reference, ≥ 150/s.
// A second reference, not a goal, adds to each job a subtask's model call against a simulated
// Claude of its own (support/reference-model-call.ts): the part of the gap no pipeline can avoid.
// Both sides run the same number of batches of the same size (BENCH_BATCHES, default 5) and the
// last one counts; the earlier ones are printed. Fresh processes spend much of their first few
// hundred jobs in V8's optimising compiler, the agents longer than the reference's workers (see
// README), so a first batch measures warm-up, not the pipeline a running fleet has.
import { setTimeout as sleep } from "node:timers/promises";
import { GENERALIST_PROFILE } from "../server/services/profiles/route-profile";
import type { Db } from "../server/db/create-prisma";
import { compare, monotonicMs, printHeader, printSummary } from "./support/report";
import { startPipeline, submitTask, waitForTasks } from "./support/pipeline";
import { startRawQueue } from "./support/raw-queue";
import type { RawWorkerMode } from "./support/raw-worker";
import { generalistModel, type ReferenceModel } from "./support/reference-model-call";
import { startSimProcess } from "./support/sim-process";
import { formatCpuPer, processesNamed, startCpuMeter, type ProcessGroups } from "./support/process-cpu";
import { REPRODUCED_TABLES, TRIGGER_TABLES, type ReferenceJob, type TableWrites } from "./support/reference-writes";

const TASKS = Number(process.env.BENCH_TASKS ?? 40);
// At most 10: each reference pass moves its jobs' log seqs by 100 within a subtask's 1000.
const BATCHES = Math.min(10, Math.max(1, Number(process.env.BENCH_BATCHES ?? 5)));
const SUBTASKS_PER_TASK = 10;
const PROMPT = "Throughput benchmark task [sim:wide=8] [sim:instant]";
// PostgreSQL publishes a backend's table counters at most once a second, when it goes idle.
const STATS_SETTLE_MS = 1500;

type TableCounts = Map<string, { inserted: number; updated: number }>;

async function tableCounts(db: Db): Promise<TableCounts> {
  await db.$executeRawUnsafe("SELECT pg_stat_clear_snapshot()");
  const rows = await db.$queryRawUnsafe<{ relname: string; ins: bigint; upd: bigint }[]>(`SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd FROM pg_stat_user_tables`);
  return new Map(rows.map((row) => [row.relname, { inserted: Number(row.ins), updated: Number(row.upd) }]));
}

function difference(after: TableCounts, before: TableCounts, scale = 1): TableCounts {
  return new Map([...after].map(([table, a]) => {
    const b = before.get(table) ?? { inserted: 0, updated: 0 };
    return [table, { inserted: (a.inserted - b.inserted) * scale, updated: (a.updated - b.updated) * scale }];
  }));
}

printHeader("Throughput: subtasks per second through the whole pipeline, against plain BullMQ with the same writes", [
  `${TASKS} tasks × ${SUBTASKS_PER_TASK} zero-work subtasks submitted at once, 4 agents on one queue, simulated Claude at zero latency`,
  `the last of ${BATCHES} such batches counts, on each side`,
]);
const pipeline = await startPipeline("bench-throughput");
const { db } = pipeline.deps;

/** Submits `count` tasks at once and waits for them: their ids and the time from the first submission to the last task's own finish. */
async function runBatch(count: number): Promise<{ ids: string[]; elapsedMs: number }> {
  const fromWallMs = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await submitTask(pipeline.deps, PROMPT));
  await waitForTasks(pipeline, ids);
  // The end is the last task's own finish time, not when the wait (which polls) saw it.
  const { _max } = await db.task.aggregate({ where: { id: { in: ids } }, _max: { finishedAt: true } });
  return { ids, elapsedMs: _max.finishedAt!.getTime() - fromWallMs };
}

try {
  const warmupRates: number[] = [];
  for (let batch = 1; batch < BATCHES; batch++) {
    const { elapsedMs } = await runBatch(TASKS);
    warmupRates.push((TASKS * SUBTASKS_PER_TASK) / (elapsedMs / 1000));
  }
  await sleep(STATS_SETTLE_MS);

  // The idle fleet's own writes (heartbeats), to leave out of the per-subtask counts.
  const idleStart = await tableCounts(db);
  const idleFrom = monotonicMs();
  await sleep(3000);
  const idleEnd = await tableCounts(db);
  const idlePerMs = difference(idleEnd, idleStart, 1 / (monotonicMs() - idleFrom));

  const before = await tableCounts(db);
  const agentPids = (await db.agentProcess.findMany({ where: { endedAt: null }, select: { pid: true } })).flatMap((row) => (row.pid ? [row.pid] : []));
  const pipelineCpu = startCpuMeter({
    agents: () => agentPids,
    daemon: () => [pipeline.daemon.process.pid!],
    PostgreSQL: () => processesNamed("postgres"),
    Redis: () => processesNamed("redis-server"),
    benchmark: () => [process.pid],
  });
  const from = monotonicMs();
  const { ids, elapsedMs } = await runBatch(TASKS);
  const pipelineCpuUsed = pipelineCpu.stop();
  const subtasks = await db.subtask.count({ where: { taskId: { in: ids }, status: "SUCCEEDED" } });
  const modelCalls = await db.modelCall.count({ where: { taskId: { in: ids } } });
  await sleep(STATS_SETTLE_MS);
  const windowMs = monotonicMs() - from;
  const written = difference(await tableCounts(db), before);
  const perSubtask: TableWrites = {};
  for (const [table, counts] of written) {
    const idle = idlePerMs.get(table) ?? { inserted: 0, updated: 0 };
    const inserted = Math.max(0, counts.inserted - idle.inserted * windowMs) / subtasks;
    const updated = Math.max(0, counts.updated - idle.updated * windowMs) / subtasks;
    if (inserted > 0.005 || updated > 0.005) perSubtask[table] = { inserted, updated };
  }
  await pipeline.daemon.stop();
  const pipelineRate = subtasks / (elapsedMs / 1000);

  const profile = await db.agentProfile.findUniqueOrThrow({ where: { name: GENERALIST_PROFILE } });
  const agentIds = (await db.agentProcess.findMany({ select: { id: true }, take: pipeline.agents })).map((row) => row.id);

  /**
   * The reference's jobs, with their fixed rows (one task per 10 jobs, with subtasks for
   * dependency rows to point at) written now, before any timing; the agents' rows are left by the
   * pipeline run. Each reference gets its own tasks, so their log seqs never meet.
   */
  async function referenceJobs(): Promise<ReferenceJob[]> {
    const jobs: ReferenceJob[] = [];
    for (let t = 0; t < subtasks / SUBTASKS_PER_TASK; t++) {
      const task = await db.task.create({ data: { title: "reference", prompt: "reference", status: "RUNNING" } });
      const anchors = await Promise.all([0, 1, 2, 3].map((index) => db.subtask.create({ data: { taskId: task.id, index: 10_000 + index, title: "anchor", instructions: "anchor" } })));
      for (let s = 0; s < SUBTASKS_PER_TASK; s++) {
        const j = jobs.length;
        const writes: TableWrites = {};
        for (const [table, rate] of Object.entries(perSubtask)) {
          if (!REPRODUCED_TABLES.includes(table)) continue;
          // Whole rows per job, spread so the run's totals match the pipeline's.
          const share = (perJob: number) => Math.round((j + 1) * perJob) - Math.round(j * perJob);
          writes[table] = { inserted: share(rate.inserted), updated: share(rate.updated) };
        }
        jobs.push({ taskId: task.id, anchorIds: anchors.map((a) => a.id), agentId: agentIds[j % agentIds.length]!, profileId: profile.id, seqBase: s * 1000, writes });
      }
    }
    return jobs;
  }

  /** Runs the jobs BATCHES times on fresh workers, as the pipeline ran its batches; the last pass counts. */
  async function runReference(jobs: ReferenceJob[], mode: RawWorkerMode, extraGroups: ProcessGroups = {}, model?: ReferenceModel) {
    const raw = await startRawQueue({ prefix: pipeline.deps.prefix, workers: pipeline.agents, mode, model, ...pipeline.worker });
    // Warm-up passes: the same jobs again, each pass's log seqs apart from the others' and no extra task rows.
    const warmupRates: number[] = [];
    for (let pass = 1; pass < BATCHES; pass++) {
      const passFrom = monotonicMs();
      for (const [i, job] of jobs.entries()) {
        await raw.add(`${mode}-warm-${pass}-${i}`, { ...job, seqBase: job.seqBase + 100 * pass, writes: { ...job.writes, Task: { inserted: 0, updated: job.writes.Task?.updated ?? 0 } } });
      }
      await Promise.all(jobs.map((_, i) => raw.finished(`${mode}-warm-${pass}-${i}`)));
      warmupRates.push(jobs.length / ((monotonicMs() - passFrom) / 1000));
    }
    await raw.drained();
    await sleep(STATS_SETTLE_MS);
    const countsBefore = await tableCounts(db);
    const cpu = startCpuMeter({ workers: () => raw.pids, ...extraGroups, PostgreSQL: () => processesNamed("postgres"), Redis: () => processesNamed("redis-server"), benchmark: () => [process.pid] });
    const passFrom = monotonicMs();
    for (const [i, job] of jobs.entries()) await raw.add(`${mode}-${i}`, job as unknown as Record<string, unknown>);
    await Promise.all(jobs.map((_, i) => raw.finished(`${mode}-${i}`)));
    const ms = monotonicMs() - passFrom;
    const cpuUsed = cpu.stop();
    await raw.close();
    await sleep(STATS_SETTLE_MS);
    return { rate: jobs.length / (ms / 1000), ms, cpuUsed, written: difference(await tableCounts(db), countsBefore), warmupRates };
  }

  const jobs = await referenceJobs();
  const reference = await runReference(jobs, "writes");
  const referenceWritten = reference.written;
  const referenceRate = reference.rate;

  // The same again with each job's model call: the part of the gap that is the call itself.
  const sim = await startSimProcess();
  const withModel = await (async () => {
    try {
      return await runReference(await referenceJobs(), "writes+model", { "simulated Claude": () => [sim.pid] }, await generalistModel(db, sim.url));
    } finally {
      await sim.stop();
    }
  })();

  console.log(`\n  rows per subtask          pipeline (inserted / updated)   reference (inserted / updated)`);
  for (const [table, rate] of Object.entries(perSubtask).sort()) {
    const ref = referenceWritten.get(table) ?? { inserted: 0, updated: 0 };
    const note = REPRODUCED_TABLES.includes(table) ? "" : TRIGGER_TABLES.includes(table) ? "  (by trigger)" : "  (not reproduced)";
    console.log(`  ${table.padEnd(24)} ${rate.inserted.toFixed(2).padStart(8)} / ${rate.updated.toFixed(2).padEnd(19)} ${(ref.inserted / jobs.length).toFixed(2).padStart(8)} / ${(ref.updated / jobs.length).toFixed(2)}${note}`);
  }
  console.log(`\n  pipeline: ${subtasks} subtasks of ${TASKS} tasks in ${(elapsedMs / 1000).toFixed(2)} s (first task submitted → last task succeeded)`);
  console.log(`  reference: ${jobs.length} jobs in ${(reference.ms / 1000).toFixed(2)} s (first add → last job done)`);
  console.log(`  reference with a subtask's model call per job: ${jobs.length} jobs in ${(withModel.ms / 1000).toFixed(2)} s, ${withModel.rate.toFixed(1)} /s`);
  console.log(`  CPU per subtask, pipeline: ${formatCpuPer(pipelineCpuUsed, subtasks)}`);
  console.log(`  CPU per job, reference: ${formatCpuPer(reference.cpuUsed, jobs.length)}`);
  console.log(`  CPU per job, reference with the model call: ${formatCpuPer(withModel.cpuUsed, jobs.length)}`);
  if (warmupRates.length > 0) {
    const rates = (values: number[]) => values.map((rate) => rate.toFixed(1)).join(", ");
    console.log(`  earlier batches, not counted (the first on fresh processes): pipeline ${rates(warmupRates)} /s; reference ${rates(reference.warmupRates)} /s; with the model call ${rates(withModel.warmupRates)} /s`);
  }
  // Not a goal: how far one model call a job takes the reference, and the pipeline against that.
  console.log(`  the model call alone takes the reference to ${(withModel.rate / referenceRate).toFixed(2)}× of itself; the pipeline is at ${(pipelineRate / withModel.rate).toFixed(2)}× of that`);
  // The most any orchestration could reach here: the reference's writes and the pipeline's model
  // calls (a subtask's, and its share of the plan's and the result's), each call costing what it
  // added to the reference. Both sides are bound by CPU, so their times per job add up.
  const callsPerSubtask = modelCalls / subtasks;
  const callMs = 1000 / withModel.rate - 1000 / referenceRate;
  const ceilingRate = 1000 / (1000 / referenceRate + callsPerSubtask * callMs);
  console.log(`  the reference's writes and ${callsPerSubtask.toFixed(2)} model calls a subtask, with nothing else, would reach ${ceilingRate.toFixed(1)} /s, ${(ceilingRate / referenceRate).toFixed(2)}× of the reference`);
  if (ceilingRate < 0.7 * referenceRate) console.log(`  out of reach on this machine, whatever the orchestration: 0.70× (${(0.7 * referenceRate).toFixed(1)} /s)`);
  if (referenceRate < 150) console.log(`  out of reach on this machine, whatever the orchestration: 150 /s, above the reference itself (${referenceRate.toFixed(1)} /s)`);
  else if (ceilingRate < 150) console.log(`  out of reach on this machine, whatever the orchestration: 150 /s, above the ceiling (${ceilingRate.toFixed(1)} /s)`);
  console.log();
  compare({ label: "throughput vs reference", unit: "/s", value: pipelineRate, baseline: referenceRate, goal: "≥ 0.70 × baseline", met: pipelineRate >= 0.7 * referenceRate });
  compare({ label: "throughput, absolute", unit: "/s", value: pipelineRate, baseline: referenceRate, goal: "≥ 150 subtasks/s", met: pipelineRate >= 150 });
  printSummary();
} finally {
  await pipeline.stop();
}
