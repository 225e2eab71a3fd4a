// Wires an agent process's BullMQ Worker to the job handlers: validates payloads, gives each job
// an abort signal for cancel, maps permanent failures to BullMQ's UnrecoverableError, and fails
// the task when planning or finalizing runs out of attempts. While Claude's rate limit pauses the
// fleet, jobs go back to the queue through BullMQ's rate limiter, which uses up no attempt. The
// worker takes no job before the agent calls run().
import Anthropic from "@anthropic-ai/sdk";
import { UnrecoverableError, Worker, type Job, type WorkerOptions } from "bullmq";
import type { Redis } from "ioredis";
import { isJobKind, parseJobPayload, type JobKind } from "../../server/contracts/jobs";
import { failTask } from "../../server/services/orchestration/finish-task";
import { BudgetReachedError, deferralOf } from "../model/call-deferrals";
import { describeModelError, isTransientModelError } from "../model/create-anthropic";
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
    // Claude's rate limit pauses the fleet: take no work until the reset. A pause that cannot be
    // read (Redis away) does not fail the job, which would use up an attempt before any work: the
    // gate before each model call reads it again (model-gate.ts).
    const pause = await runtime.modelCalls.fleetPause.read().catch((error: Error) => {
      console.error(`job ${job.id}: the fleet's pause could not be read (${error.message}); taking the job`);
      return null;
    });
    if (pause) await backOffUntil(pause.until);
    const abort = aborts.open(payload.taskId);
    const maxAttempts = job.opts.attempts ?? 1;
    const attempt = job.attemptsMade + 1;
    // The subtask is this agent's from before its claim is sent: an agent whose daemon dies once the
    // claim has committed hands it back (a hand-back only takes a subtask RUNNING under this agent).
    runtime.status.to("CLAIMED", "subtaskId" in payload ? payload.subtaskId : null);
    try {
      await HANDLERS[kind](runtime, { payload: payload as never, attempt, maxAttempts, signal: abort.signal });
    } catch (error) {
      const deferral = deferralOf(error);
      // The task is paused at its budget; raising it queues the work again.
      if (deferral instanceof BudgetReachedError) return;
      if (deferral) await backOffUntil(deferral.until);
      runtime.status.to("ERROR");
      // An HTTP error answer already had its retries inside the SDK (see create-anthropic.ts).
      const permanent = error instanceof PermanentError || (error instanceof Anthropic.APIError && !isTransientModelError(error));
      if ((permanent || attempt >= maxAttempts) && kind !== "subtask") {
        const stage = kind === "plan" ? "Planning" : "Writing the result";
        await failTask(runtime.deps, payload.taskId, `${stage} failed: ${describeModelError(error)}`, [kind === "plan" ? "PLANNING" : "FINALIZING"]);
      }
      throw permanent ? new UnrecoverableError(error.message) : error;
    } finally {
      abort.close();
      if (abort.signal.aborted) await reportStopped(payload.taskId);
      // A run stopped at a safe point (the task's budget, Claude's rate limit) ends mid-work: it
      // handed its subtask back, so it completes rather than failing.
      if (runtime.status.state === "WORKING") runtime.status.to("COMPLETING");
      runtime.status.to("IDLE");
    }
  };

  /** The task was aborted: once this run's lines are stored, says so to whoever is waiting to write the closing line. */
  async function reportStopped(taskId: string): Promise<void> {
    try {
      await runtime.logs.flush();
      await runtime.deps.signals.stopped(taskId, runtime.agentId);
    } catch (error) {
      console.error(`job for task ${taskId}: could not report its stop (${(error as Error).message})`);
    }
  }

  /** Puts the job back in its queue and keeps this queue's workers off it until `until`. */
  async function backOffUntil(until: number): Promise<never> {
    await worker.rateLimit(Math.max(1, until - Date.now()));
    throw Worker.RateLimitError();
  }

  // It takes jobs once the agent is ready and calls run(): a job taken while the agent is still
  // starting would fail on its first state change (INITIALIZING cannot go to CLAIMED), using up an attempt.
  const worker = new Worker(options.queueName, process, { ...agentWorkerSettings(options), autorun: false });
  worker.on("error", (error) => console.error(`worker error: ${describeModelError(error)}`));
  // The task's log says why a run failed; this line is for the job itself failing (an agent's bug, Redis or PostgreSQL away).
  worker.on("failed", (job, error) => console.error(`job ${job?.id ?? "?"} failed (attempt ${job?.attemptsMade ?? "?"}): ${describeModelError(error)}`));
  return worker;
}


/** The BullMQ Worker settings of every agent process (the chain benchmark's raw-BullMQ baseline uses them too). */
export function agentWorkerSettings(options: Pick<AgentWorkerOptions, "connection" | "bullPrefix" | "lockDurationMs" | "stalledIntervalMs">): WorkerOptions {
  return {
    connection: options.connection,
    prefix: options.bullPrefix,
    concurrency: 1,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: 2,
  };
}
