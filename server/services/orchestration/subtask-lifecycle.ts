// Subtask state changes made by agents. Each run claims the subtask and receives an attempt
// number; results are written only for that attempt while it is RUNNING, so a run that was
// presumed dead (and re-run elsewhere) can never record a second result.
import type { FinishInput } from "../../contracts/plan";
import { whileUnreached } from "../../db/unreached";
import { recordModelCall, type ModelCallRecord } from "../costs/record-model-call";
import { advance, bullPriority, dispatchQueued, routeSubtasks } from "./advance";
import type { OrchestratorDeps } from "./deps";

/** A claimed run: its attempt number and, read in the same statement, what the run needs. */
export interface SubtaskClaim {
  attempt: number;
  /** Attempts used before a retry from the task page; only those since count against the limit. */
  attemptBase: number;
  title: string;
  instructions: string;
  taskPrompt: string;
  /** The subtask's dependencies, in plan order, with their results. */
  dependencies: { title: string; summary: string | null; output: unknown }[];
  /** The approval policy of the claiming agent's profile, read at claim so an admin's change applies to the next run. */
  policy: { approvalMode: "NONE" | "COMMANDS" | "WRITES"; approvalTimeoutSeconds: number };
  /** The task's status and spend at the claim, for the budget check before the first model call. */
  spend: { status: string; costMicros: bigint; budgetMicros: bigint | null };
  /** What the completion may queue in its own statement: see completeSubtask. */
  next: NextSubtasks;
}

/** The subtasks that depend on this one (the graph does not change while a task runs), and the profile table's version to route them with. */
export interface NextSubtasks {
  dependents: { id: string; capabilities: string[]; priority: number }[];
  profilesVersion: string;
}

export async function claimSubtask(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; agentId: string; profileId: string },
): Promise<SubtaskClaim | null> {
  // One round trip on the hot path: the claim, the subtask's inputs, who depends on it and the profile's policy.
  const rows = await deps.sql.query<
    Omit<SubtaskClaim, "spend" | "next"> & NextSubtasks & { taskStatus: string; costMicros: bigint; budgetMicros: bigint | null }
  >`
    WITH claimed AS (
      UPDATE "Subtask" s SET status = 'RUNNING', attempts = s.attempts + 1, "agentId" = ${args.agentId},
        "startedAt" = COALESCE(s."startedAt", now()), "statusReason" = NULL, "updatedAt" = now()
      FROM "Task" t
      WHERE s.id = ${args.subtaskId} AND s."taskId" = ${args.taskId} AND t.id = s."taskId"
        AND t.status = 'RUNNING' AND s.status IN ('QUEUED', 'RUNNING')
      RETURNING s.id, s.attempts, COALESCE(s."attemptBase", 0) AS "attemptBase", s.title, s.instructions, t.prompt, t.status::text AS "taskStatus", t."costMicros", t."budgetMicros"
    )
    SELECT c.attempts AS attempt, c."attemptBase", c.title, c.instructions, c.prompt AS "taskPrompt",
      c."taskStatus", c."costMicros", c."budgetMicros",
      COALESCE((
        SELECT json_agg(json_build_object('title', p.title, 'summary', p.summary, 'output', p.output) ORDER BY p.index)
        FROM "SubtaskDependency" d JOIN "Subtask" p ON p.id = d."dependsOnId"
        WHERE d."subtaskId" = c.id
      ), '[]'::json) AS dependencies,
      COALESCE((
        SELECT json_agg(json_build_object('id', n.id, 'capabilities', n.capabilities, 'priority', n.priority))
        FROM "SubtaskDependency" d JOIN "Subtask" n ON n.id = d."subtaskId"
        WHERE d."dependsOnId" = c.id
      ), '[]'::json) AS dependents,
      profiles_version() AS "profilesVersion",
      -- A profile deleted under its running agent gets the columns' defaults; the claim is never lost.
      json_build_object('approvalMode', COALESCE(a."approvalMode", 'NONE'), 'approvalTimeoutSeconds', COALESCE(a."approvalTimeoutSeconds", 600)) AS policy
    FROM claimed c LEFT JOIN "AgentProfile" a ON a.id = ${args.profileId}`;
  const row = rows[0];
  if (!row) return null;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: "RUNNING" });
  const { taskStatus, costMicros, budgetMicros, dependents, profilesVersion, ...claimed } = row;
  return { ...claimed, spend: { status: taskStatus, costMicros, budgetMicros }, next: { dependents, profilesVersion } };
}

/**
 * Records a run's result. A dependent whose other dependencies have all succeeded is queued by the
 * same statement (a chain's next step, a join's last branch), which saves advance()'s two round
 * trips. Completions of one task take its row's lock one after another, and the dependents are
 * read after that lock with a snapshot of their own (dependents_state()), so of two dependencies
 * finishing at once the later one sees the earlier one's result and queues their common
 * dependent. A dependent still waiting on dependencies that are queued or running is therefore
 * left to the last of them: its completion queues it, or its failure (which takes the same lock,
 * see failSubtaskAttempt and requeueStoppedSubtask) runs advance(). When anything else is left
 * to decide (no dependents; a dependency pending, failed or skipped; the task no longer running
 * or a required subtask failed; the profiles changed since the claim), advance() runs after the
 * commit, and it sees every completion committed by then. An agent hands it to `leaveRunning` and
 * takes its next job meanwhile; when it is lost with its agent the reconciler runs it again.
 *
 * The run's last model call, when its row was held back for this (see model-gate.ts), is recorded
 * by the same statement, whether or not the result still may be: the call was made either way.
 *
 * A follow-on: when the completing agent's own queue has nothing waiting (read before the
 * statement) and the statement makes ready a dependent routed to that queue, the statement claims
 * it for this agent (RUNNING under its id, no job) and returns the claim for it to run next; the
 * queue's order is unchanged, since it would have been the next job anyway. That spares the job's
 * add, pick-up and hand-back, and the claim's own round trip. The reconciler leaves such a
 * subtask to a live agent that took it up moments ago, and requeues it when that agent is gone.
 */
export async function completeSubtask(
  deps: OrchestratorDeps,
  args: {
    taskId: string;
    subtaskId: string;
    attempt: number;
    result: FinishInput;
    /** The run's last log lines being stored meanwhile: dependents are enqueued after them, so they start after them. */
    logsStored?: Promise<void>;
    next: NextSubtasks;
    /** The run's last model call, not yet recorded. */
    lastCall?: ModelCallRecord | null;
    /** Takes advance() once started, instead of this function waiting for it. */
    leaveRunning?: (advancing: Promise<unknown>) => void;
    /** The completing agent, which may take a dependent routed to its queue as a follow-on. */
    followOn?: { agentId: string; profileId: string; queue: string };
  },
): Promise<Completion> {
  const output = args.result.output === undefined || args.result.output === null ? null : JSON.stringify(args.result.output);
  const call = args.lastCall ?? null;
  const followOn = args.followOn && args.next.dependents.length > 0 ? args.followOn : undefined;
  // A result in hand is worth waiting for: while PostgreSQL cannot be reached (a restart, a
  // failover) the statement is sent again, rather than the run failing and being run again.
  const completion = whileUnreached(async () => {
    // With Redis away the follow-on is the run that needs no job.
    const [routes, queueIdle] = await Promise.all([
      routeSubtasks(deps, args.next.profilesVersion, args.next.dependents),
      followOn ? deps.dispatcher.waitingCount(followOn.queue).then((waiting) => waiting === 0, () => true) : false,
    ]);
    // The dependent this agent would take: the first for its queue by priority, as BullMQ would order them.
    const candidate = queueIdle ? routes.filter((route) => route.queue === followOn!.queue).sort((a, b) => b.priority - a.priority)[0] : undefined;
    const claimId = candidate?.subtaskId ?? null;
    const dependentIds = routes.map((route) => route.subtaskId);
    // The call's row comes first, so its tokens are added only if this statement inserted it. The
    // task row is locked next, as advance() does, so a cancel or failure (which updates it and then
    // the subtasks) is either seen here or waits; taking it after the subtask row could deadlock.
    // Each step reads the one before it, which makes it run after it. Then the attempt fence: only
    // the run holding the latest claim records a result, and only once.
    const [row] = await deps.sql.query<{
      completed: boolean;
      taskPriority: number;
      queued: string[];
      decided: string[];
      claim: (Omit<SubtaskClaim, "spend" | "next"> & Pick<NextSubtasks, "dependents">) | null;
      taskStatus: string;
      costMicros: bigint;
      budgetMicros: bigint | null;
    }>`
      WITH call AS (
        INSERT INTO "ModelCall" (id, "taskId", "subtaskId", "profileId", "userId", "agentId", model, "inputTokens", "outputTokens",
          "cacheWriteTokens", "cacheReadTokens", "costMicros", "durationMs", "stopReason")
        SELECT ${call?.id ?? null}::text, t.id, ${args.subtaskId}, ${call?.profileId ?? null}::text, t."createdById", ${call?.agentId ?? null}::text,
          ${call?.model ?? null}::text, ${call?.inputTokens ?? 0}::int, ${call?.outputTokens ?? 0}::int, ${call?.cacheWriteTokens ?? 0}::int,
          ${call?.cacheReadTokens ?? 0}::int, ${call?.costMicros ?? 0n}::bigint, ${call?.durationMs ?? 0}::int, ${call?.stopReason ?? null}::text
        FROM "Task" t WHERE t.id = ${args.taskId} AND ${call !== null}::boolean
        ON CONFLICT (id) DO NOTHING
        RETURNING "inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens", "costMicros"
      ), spend AS (
        SELECT COUNT(*) > 0 AS recorded, COALESCE(SUM("inputTokens"), 0)::int AS input, COALESCE(SUM("outputTokens"), 0)::int AS output,
          COALESCE(SUM("cacheReadTokens"), 0)::int AS "cacheRead", COALESCE(SUM("cacheWriteTokens"), 0)::int AS "cacheWrite",
          COALESCE(SUM("costMicros"), 0)::bigint AS cost
        FROM call
      ), task AS (
        UPDATE "Task" t SET "inputTokens" = t."inputTokens" + spend.input, "outputTokens" = t."outputTokens" + spend.output,
          "cacheReadTokens" = t."cacheReadTokens" + spend."cacheRead", "cacheWriteTokens" = t."cacheWriteTokens" + spend."cacheWrite",
          "costMicros" = t."costMicros" + spend.cost, "updatedAt" = now()
        FROM spend WHERE t.id = ${args.taskId}
        RETURNING t.id, t.status, t.priority, t."costMicros", t."budgetMicros", profiles_version() = ${args.next.profilesVersion} AS "sameProfiles"
      ), done AS (
        UPDATE "Subtask" s SET status = 'SUCCEEDED', summary = ${args.result.summary}, output = COALESCE(${output}::jsonb, s.output),
          "finishedAt" = now(), "updatedAt" = now(),
          "inputTokens" = s."inputTokens" + spend.input, "outputTokens" = s."outputTokens" + spend.output,
          "cacheReadTokens" = s."cacheReadTokens" + spend."cacheRead", "cacheWriteTokens" = s."cacheWriteTokens" + spend."cacheWrite",
          "costMicros" = s."costMicros" + spend.cost
        FROM task, spend
        WHERE s.id = ${args.subtaskId} AND s."taskId" = task.id AND s.status = 'RUNNING' AND s.attempts = ${args.attempt}
        RETURNING s.id
      ), spent AS (
        -- An attempt that may no longer record its result still made its call.
        UPDATE "Subtask" s SET "inputTokens" = s."inputTokens" + spend.input, "outputTokens" = s."outputTokens" + spend.output,
          "cacheReadTokens" = s."cacheReadTokens" + spend."cacheRead", "cacheWriteTokens" = s."cacheWriteTokens" + spend."cacheWrite",
          "costMicros" = s."costMicros" + spend.cost, "updatedAt" = now()
        FROM task, spend
        WHERE s.id = ${args.subtaskId} AND s."taskId" = task.id AND spend.recorded AND NOT EXISTS (SELECT 1 FROM done)
      ), states AS (
        -- Read after this task's row lock (above), which every completion of the task takes: see dependents_state().
        SELECT st.subtask_id, st.readiness FROM done, dependents_state(done.id, ${dependentIds}::text[]) st
      ), open AS (
        -- A required subtask that failed ends the task: advance() decides that, not this shortcut.
        SELECT task.id FROM task
        WHERE task.status = 'RUNNING' AND task."sameProfiles"
          AND NOT EXISTS (SELECT 1 FROM "Subtask" f WHERE f."taskId" = task.id AND f.status = 'FAILED' AND NOT f.optional)
      ), ready AS (
        -- Queued, and the follow-on claimed as claimSubtask would: the task is running (open).
        UPDATE "Subtask" s SET status = (CASE WHEN s.id = ${claimId}::text THEN 'RUNNING' ELSE 'QUEUED' END)::"SubtaskStatus",
          "queuedAt" = now(), "profileId" = q.profile, "updatedAt" = now(),
          attempts = s.attempts + (CASE WHEN s.id = ${claimId}::text THEN 1 ELSE 0 END),
          "startedAt" = CASE WHEN s.id = ${claimId}::text THEN COALESCE(s."startedAt", now()) ELSE s."startedAt" END,
          "statusReason" = CASE WHEN s.id = ${claimId}::text THEN NULL ELSE s."statusReason" END,
          "agentId" = CASE WHEN s.id = ${claimId}::text THEN ${followOn?.agentId ?? null}::text ELSE s."agentId" END
        FROM open, states, unnest(${dependentIds}::text[], ${routes.map((route) => route.profileId)}::text[]) AS q(id, profile)
        WHERE s.id = q.id AND s."taskId" = open.id AND s.status = 'PENDING' AND states.subtask_id = q.id AND states.readiness = 'ready'
        RETURNING s.id, s.status, s.attempts, COALESCE(s."attemptBase", 0) AS "attemptBase", s.title, s.instructions
      )
      SELECT EXISTS (SELECT 1 FROM done) AS completed, (SELECT priority FROM task) AS "taskPriority",
        COALESCE((SELECT array_agg(id) FROM ready), '{}') AS queued,
        COALESCE((SELECT array_agg(subtask_id) FROM states, open WHERE readiness IN ('waiting', 'settled')), '{}') AS decided,
        -- The follow-on's claim, read as claimSubtask reads it. This statement's snapshot predates
        -- the result it records, so that dependency's summary and output are taken from the result.
        (SELECT json_build_object('attempt', r.attempts, 'attemptBase', r."attemptBase", 'title', r.title, 'instructions', r.instructions,
          'taskPrompt', (SELECT t.prompt FROM "Task" t WHERE t.id = ${args.taskId}),
          'dependencies', COALESCE((
            SELECT json_agg(json_build_object('title', p.title,
              'summary', CASE WHEN p.id = ${args.subtaskId} THEN ${args.result.summary}::text ELSE p.summary END,
              'output', CASE WHEN p.id = ${args.subtaskId} THEN COALESCE(${output}::jsonb, p.output) ELSE p.output END) ORDER BY p.index)
            FROM "SubtaskDependency" d JOIN "Subtask" p ON p.id = d."dependsOnId"
            WHERE d."subtaskId" = r.id
          ), '[]'::json),
          'dependents', COALESCE((
            SELECT json_agg(json_build_object('id', n.id, 'capabilities', n.capabilities, 'priority', n.priority))
            FROM "SubtaskDependency" d JOIN "Subtask" n ON n.id = d."subtaskId"
            WHERE d."dependsOnId" = r.id
          ), '[]'::json),
          'policy', json_build_object('approvalMode', COALESCE(a."approvalMode", 'NONE'), 'approvalTimeoutSeconds', COALESCE(a."approvalTimeoutSeconds", 600)))
          FROM ready r LEFT JOIN "AgentProfile" a ON a.id = ${followOn?.profileId ?? null}::text
          WHERE r.status = 'RUNNING') AS claim,
        (SELECT status::text FROM task) AS "taskStatus", (SELECT "costMicros" FROM task) AS "costMicros", (SELECT "budgetMicros" FROM task) AS "budgetMicros"`;
    return { routes, candidate, row };
  }).catch(async (error: unknown) => {
    // Whether the statement wrote nothing or its answer was lost after the commit, recording the
    // call by its id now leaves it recorded once. The statement's own error is the one to report.
    if (call) await recordModelCall(deps.sql, call).catch(() => {});
    throw error;
  });
  const [{ routes, candidate, row }] = await Promise.all([completion, args.logsStored]);
  if (!row?.completed) return { recorded: false, followOn: null };
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: "SUCCEEDED" });
  const queued = routes.filter((route) => row.queued.includes(route.subtaskId));
  const claimed = row.claim ? candidate! : null;
  await dispatchQueued(deps, args.taskId, row.taskPriority, queued.filter((route) => route !== claimed)).catch((error: unknown) => {
    // The follow-on is this agent's to run whatever Redis does; the reconciler adds the job of a
    // queued subtask that has none. Without one, the caller's job is retried, as for any error.
    if (!claimed) throw error;
    console.error(`task ${args.taskId}: jobs of the steps after ${args.subtaskId} not added (${(error as Error).message}); the reconciler adds them`);
  });
  if (claimed) deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: claimed.subtaskId, subtaskStatus: "RUNNING" });
  if (routes.length === 0 || queued.length + row.decided.length < routes.length) {
    const advancing = advance(deps, args.taskId);
    if (args.leaveRunning) args.leaveRunning(advancing);
    else await advancing;
  }
  if (!claimed) return { recorded: true, followOn: null };
  const { dependents, ...claim } = row.claim!;
  return {
    recorded: true,
    followOn: {
      taskId: args.taskId,
      subtaskId: claimed.subtaskId,
      queue: claimed.queue,
      priority: bullPriority(row.taskPriority, claimed.priority),
      claim: {
        ...claim,
        spend: { status: row.taskStatus, costMicros: row.costMicros, budgetMicros: row.budgetMicros },
        next: { dependents, profilesVersion: args.next.profilesVersion },
      },
    },
  };
}

/** What a completion did: whether it recorded the result, and the dependent claimed for the completing agent. */
export interface Completion {
  recorded: boolean;
  followOn: FollowOn | null;
}

/** A subtask claimed for the agent that made it ready, with no job; `queue` and `priority` are its job's, should it need one. */
export interface FollowOn {
  taskId: string;
  subtaskId: string;
  queue: string;
  priority: number;
  claim: SubtaskClaim;
}

/** A failed attempt: back to QUEUED while BullMQ retries, FAILED (and advance) when final. */
export async function failSubtaskAttempt(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; attempt: number; reason: string; final: boolean },
): Promise<void> {
  const status = args.final ? "FAILED" : "QUEUED";
  // The database's clock, as for a success: a run's duration never mixes two hosts' clocks. The
  // share lock on the task row puts this in order with the task's completions, which lock it too:
  // a sibling finishing at the same moment either sees this failure and runs advance(), or has
  // committed before the advance() below reads (see completeSubtask).
  const count = await deps.sql.execute`
    WITH task AS (SELECT id FROM "Task" WHERE id = ${args.taskId} FOR SHARE)
    UPDATE "Subtask" s SET status = ${status}::"SubtaskStatus", "statusReason" = ${args.reason}, "updatedAt" = now(),
      "finishedAt" = CASE WHEN ${args.final}::boolean THEN now() ELSE s."finishedAt" END
    FROM task
    WHERE s.id = ${args.subtaskId} AND s."taskId" = task.id AND s.status = 'RUNNING' AND s.attempts = ${args.attempt}`;
  if (count === 0) return;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: status });
  if (args.final) await advance(deps, args.taskId);
}

/**
 * Hands a claimed subtask back without using up its attempt: the run stopped at a safe point
 * before a model call (budget reached: back to PENDING, for advance() to queue on resume; fleet
 * paused: back to QUEUED, its job returns to the queue). Logs and spend so far are kept.
 */
export async function releaseSubtask(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; attempt: number; to: "PENDING" | "QUEUED"; reason: string },
): Promise<boolean> {
  const { count } = await deps.db.subtask.updateMany({
    where: { id: args.subtaskId, status: "RUNNING", attempts: args.attempt },
    data: { status: args.to, statusReason: args.reason, attempts: { decrement: 1 }, agentId: null },
  });
  if (count === 0) return false;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: args.to });
  return true;
}
