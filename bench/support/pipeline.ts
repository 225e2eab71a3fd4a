// The whole Baton pipeline for a benchmark: its own Redis prefix, empty task tables, the real
// agent daemon (agent processes and simulated Claude) with the benchmark's settings, and tasks
// submitted the way the API does and awaited until they end.
import { createTestDeps, resetData, waitFor, type TestDeps } from "../../server/testing/test-deps";
import { startDaemon, type RunningDaemon } from "../../server/testing/start-daemon";
import { createTask } from "../../server/services/tasks/create-task";

export interface Pipeline {
  deps: TestDeps;
  daemon: RunningDaemon;
  stop(): Promise<void>;
}

/** `env` is the daemon's environment on top of startDaemon's test defaults (BATON_MAX_AGENTS, BATON_FLEET, SIM_*…). */
export async function startPipeline(name: string, env: Record<string, string> = {}): Promise<Pipeline> {
  const deps = createTestDeps(name);
  await resetData(deps);
  const daemon = await startDaemon({ prefix: deps.prefix, env: { BATON_RECONCILE_INTERVAL_MS: "5000", ...env } });
  return {
    deps,
    daemon,
    async stop() {
      await daemon.stop();
      await deps.close();
    },
  };
}

/** Waits until at least `count` agents (of `profile`, if given) are idle. */
export async function idleAgents(pipeline: Pipeline, count: number, profile?: string): Promise<void> {
  await waitFor(`${count} idle agents`, async () => {
    const idle = await pipeline.deps.db.agentProcess.count({ where: { state: "IDLE", ...(profile ? { profile: { name: profile } } : {}) } });
    return idle >= count;
  }, 180_000, 100).catch((error: Error) => {
    throw new Error(`${error.message}\n${pipeline.daemon.output().slice(-4000)}`);
  });
}

/** Submits a task and resolves with its id once it has succeeded; any other end throws with the daemon's output. */
export async function runTask(pipeline: Pipeline, prompt: string, timeoutMs = 180_000): Promise<string> {
  const { deps, daemon } = pipeline;
  const { id } = await createTask(deps, { request: { prompt, priority: 5 }, userId: null });
  const task = await waitFor(`task ${id} to finish`, async () => {
    const row = await deps.db.task.findUniqueOrThrow({ where: { id } });
    return ["SUCCEEDED", "FAILED", "CANCELLED"].includes(row.status) ? row : null;
  }, timeoutMs, 20);
  if (task.status !== "SUCCEEDED") throw new Error(`task ended ${task.status}: ${task.statusReason}\n${daemon.output().slice(-4000)}`);
  return id;
}
