// Wires an agent process's BullMQ Worker to the job handlers: validates payloads, gives each job
// an abort signal for cancel, maps permanent failures to BullMQ's UnrecoverableError, and fails
// the task when planning or finalizing runs out of attempts.
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { isJobKind, parseJobPayload, type JobKind } from "../../server/contracts/jobs";
import { failTask } from "../../server/services/orchestration/finish-task";
import { finalizeTask } from "./handlers/finalize-task";
import { planTask } from "./handlers/plan-task";
import { runSubtask } from "./handlers/run-subtask";
import { PermanentError } from "./permanent-error";
import type { AgentRuntime, JobContext } from "./runtime";
import type { TaskAborts } from "./task-aborts";

type Handler = (runtime: AgentRuntime, ctx: JobContext<never>) => Promise<void>;
const HANDLERS: Record<JobKind, Handler> = { plan: planTask, subtask: runSubtask, finalize: finalizeTask };

export interface AgentWorkerOptions {
  runtime: AgentRuntime;
  aborts: TaskAborts;
  connection: Redis;
  queueName: string;
  bullPrefix: string;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

export function startAgentWorker(options: AgentWorkerOptions): Worker {
  const { runtime, aborts } = options;

  const process = async (job: Job) => {
    if (!isJobKind(job.name)) throw new UnrecoverableError(`unknown job kind "${job.name}"`);
    const kind = job.name;
    const payload = parseJobPayload(kind, job.data);
    const abort = aborts.open(payload.taskId);
    const maxAttempts = job.opts.attempts ?? 1;
    const attempt = job.attemptsMade + 1;
    runtime.status.to("CLAIMED");
    try {
      await HANDLERS[kind](runtime, { payload: payload as never, attempt, maxAttempts, signal: abort.signal });
    } catch (error) {
      runtime.status.to("ERROR");
      const permanent = error instanceof PermanentError;
      if ((permanent || attempt >= maxAttempts) && kind !== "subtask") {
        const stage = kind === "plan" ? "Planning" : "Writing the result";
        await failTask(runtime.deps, payload.taskId, `${stage} failed: ${describe(error)}`, [kind === "plan" ? "PLANNING" : "FINALIZING"]);
      }
      throw permanent ? new UnrecoverableError(error.message) : error;
    } finally {
      abort.close();
      runtime.status.to("IDLE");
    }
  };

  const worker = new Worker(options.queueName, process, {
    connection: options.connection,
    prefix: options.bullPrefix,
    concurrency: 1,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: 2,
  });
  worker.on("error", (error) => console.error(`worker error: ${describe(error)}`));
  return worker;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
