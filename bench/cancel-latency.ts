// Cancel latency: a task whose agent is inside a long shell command is cancelled; measured from
// the cancel call until the database holds no running subtask of it, its agent is idle again and
// the command's process is gone. The cancel path is a database transition, a Redis abort signal,
// the agent aborting its model stream and killing the command's process group.
import { execFileSync } from "node:child_process";
import { waitFor } from "../server/testing/test-deps";
import { createTask } from "../server/services/tasks/create-task";
import { cancelTask } from "../server/services/tasks/cancel-task";
import { percentile, printResult } from "./support/report";
import { startPipeline } from "./support/pipeline";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const GOAL_MS = 2_000;

const pipeline = await startPipeline("bench-cancel", { agents: 2 });
const { deps } = pipeline;

const commandRunning = (pattern: string) => {
  try {
    execFileSync("pgrep", ["-f", pattern], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

try {
  const stopped: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // A distinct duration per round names this round's process.
    const seconds = `45.${round + 1}`;
    const { id } = await createTask(deps, { request: { prompt: `Run it as a chain [sim:cmd=sleep ${seconds}]`, priority: 5 }, userId: null });
    await waitFor("the command to start", async () => commandRunning(`sleep ${seconds}`), 120_000, 20).catch(async (error: Error) => {
      const logs = await deps.db.logEvent.findMany({ where: { taskId: id }, orderBy: { seq: "asc" }, select: { message: true } });
      throw new Error(`${error.message}\n${logs.map((log) => log.message).join("\n")}\n${pipeline.daemon.output().slice(-3000)}`);
    });

    const started = performance.now();
    await cancelTask(deps, { taskId: id, reason: "Benchmark cancel." });
    await waitFor("the task to stop", async () => {
      const running = await deps.db.subtask.count({ where: { taskId: id, status: "RUNNING" } });
      const busy = await deps.db.agentProcess.count({ where: { currentSubtaskId: { not: null }, endedAt: null } });
      return running === 0 && busy === 0 && !commandRunning(`sleep ${seconds}`);
    }, 30_000, 10);
    stopped.push(performance.now() - started);
  }
  console.log(`cancel of a task running a shell command, ${ROUNDS} rounds`);
  printResult({ name: "  cancel → stopped, p50", value: percentile(stopped, 50), unit: "ms", digits: 0 });
  printResult({ name: "  cancel → stopped, p95", value: percentile(stopped, 95), unit: "ms", goal: `≤ ${GOAL_MS} ms`, ok: percentile(stopped, 95) <= GOAL_MS, digits: 0 });
} finally {
  await pipeline.stop();
}
