// Task procedures: thin wrappers that validate, check access and call the task services.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { assertWithinCeiling, getBudgetSettings, ZBudgetUsd } from "../../services/budgets/budget-settings";
import { raiseTaskBudget } from "../../services/budgets/resume-task";
import { stopAtBudget } from "../../services/budgets/stop-at-budget";
import { usdToMicros } from "../../services/costs/compute-cost";
import { formatUsd } from "../../client/format-usd";
import type { Db } from "../../db/create-prisma";
import { cancelTask, ZCancelTaskRequestSchema } from "../../services/tasks/cancel-task";
import { createTask, ZCreateTaskRequestSchema } from "../../services/tasks/create-task";
import { getTask, ZTaskByIdRequestSchema } from "../../services/tasks/get-task";
import { listTaskLogs, ZTaskLogsRequestSchema } from "../../services/tasks/list-task-logs";
import { InvalidCursorError, listTasks, ZListTasksRequestSchema } from "../../services/tasks/list-tasks";
import { listTaskCreators } from "../../services/tasks/list-task-creators";
import { listEndedTasks, ZEndedSinceRequestSchema } from "../../services/tasks/list-ended-tasks";
import { listTaskFiles, ZTaskFilesRequestSchema } from "../../services/tasks/list-task-files";
import { readRerunSource, rerunTask, ZRerunTaskRequestSchema } from "../../services/tasks/rerun-task";
import { retryTask, ZRetryTaskRequestSchema } from "../../services/tasks/retry-task";
import { approvePlan } from "../../services/plan-review/approve-plan";
import { discardPlan, ZDiscardPlanRequestSchema } from "../../services/plan-review/discard-plan";
import { editPlan, ZEditPlanRequestSchema, ZPlanVersionRequestSchema } from "../../services/plan-review/edit-plan";
import { can } from "../../auth/permissions";
import { RateLimitedError } from "../../auth/rate-limits";
import { assertAbility, createTRPCRouter, protectedProcedure, type ApiDeps } from "../trpc";

const notFound = (id: string) => new TRPCError({ code: "NOT_FOUND", message: `No task with id "${id}".` });
const ZRaiseBudgetRequestSchema = z.object({ id: z.string().min(1).max(64), budgetUsd: ZBudgetUsd });

/** Members steer their own tasks' budgets; admins anyone's (the same rule as cancel). */
async function assertMayBudget(db: Db, actor: Actor, taskId: string): Promise<void> {
  const task = await db.task.findUnique({ where: { id: taskId }, select: { createdById: true } });
  if (!task) throw notFound(taskId);
  if (task.createdById !== actor.userId) assertAbility(actor, "budgetAnyTask", "Only admins can change the budget of a task someone else created.");
}

/** Every way of creating a task counts against the same per-person limit. */
async function consumeTaskCreation(ctx: { deps: ApiDeps; actor: Actor }): Promise<void> {
  try {
    await ctx.deps.rateLimits.consumeTaskCreation(ctx.actor.userId);
  } catch (error) {
    if (error instanceof RateLimitedError) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error });
    throw error;
  }
}

/** Members review the plans of their own tasks; admins anyone's. */
async function assertMayReview(db: Db, actor: Actor, taskId: string): Promise<void> {
  const task = await db.task.findUnique({ where: { id: taskId }, select: { createdById: true } });
  if (!task) throw notFound(taskId);
  if (task.createdById !== actor.userId) assertAbility(actor, "reviewAnyPlan", "Only the task's creator or an admin can review its plan.");
}

export const taskRouter = createTRPCRouter({
  create: protectedProcedure.input(ZCreateTaskRequestSchema).mutation(async ({ ctx, input }) => {
    await consumeTaskCreation(ctx);
    const budgetMicros = input.budgetUsd === undefined ? undefined : usdToMicros(input.budgetUsd);
    if (budgetMicros !== undefined) assertWithinCeiling(await getBudgetSettings(ctx.deps.db), budgetMicros, can(ctx.actor.role, "exceedBudgetCeiling"));
    const task = await createTask(ctx.deps, { request: input, userId: ctx.actor.userId, budgetMicros });
    return { id: task.id, title: task.title, status: task.status };
  }),

  list: protectedProcedure.input(ZListTasksRequestSchema.default({ limit: 25 })).query(async ({ ctx, input }) => {
    try {
      return await listTasks(ctx.deps.db, input);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
      throw error;
    }
  }),

  creators: protectedProcedure.query(({ ctx }) => listTaskCreators(ctx.deps.db)),

  endedSince: protectedProcedure.input(ZEndedSinceRequestSchema).query(({ ctx, input }) => listEndedTasks(ctx.deps.db, ctx.actor.userId, input.since)),

  byId: protectedProcedure.input(ZTaskByIdRequestSchema).query(async ({ ctx, input }) => {
    const task = await getTask(ctx.deps.db, input.id);
    if (!task) throw notFound(input.id);
    return task;
  }),

  logs: protectedProcedure.input(ZTaskLogsRequestSchema).query(async ({ ctx, input }) => {
    const exists = await ctx.deps.db.task.count({ where: { id: input.id } });
    if (!exists) throw notFound(input.id);
    return listTaskLogs(ctx.deps.db, input);
  }),

  cancel: protectedProcedure.input(ZCancelTaskRequestSchema).mutation(async ({ ctx, input }) => {
    const task = await ctx.deps.db.task.findUnique({ where: { id: input.id }, select: { createdById: true } });
    if (!task) throw notFound(input.id);
    if (task.createdById !== ctx.actor.userId) {
      assertAbility(ctx.actor, "cancelAnyTask", "Only admins can cancel a task someone else created.");
    }
    const result = await cancelTask(ctx.deps, { taskId: input.id, reason: `Cancelled by ${ctx.actor.email}.` });
    if (!result.cancelled && result.reason === "not_found") throw notFound(input.id);
    if (!result.cancelled) {
      throw new TRPCError({ code: "CONFLICT", message: `The task has already finished (${result.status?.toLowerCase()}).` });
    }
    return result;
  }),

  retry: protectedProcedure.input(ZRetryTaskRequestSchema).mutation(async ({ ctx, input }) => {
    const task = await ctx.deps.db.task.findUnique({ where: { id: input.id }, select: { createdById: true } });
    if (!task) throw notFound(input.id);
    if (task.createdById !== ctx.actor.userId) {
      assertAbility(ctx.actor, "retryAnyTask", "Only admins can retry a task someone else created.");
    }
    return retryTask(ctx.deps, { taskId: input.id, actor: ctx.actor, ip: ctx.clientAddress });
  }),

  rerun: protectedProcedure.input(ZRerunTaskRequestSchema).mutation(async ({ ctx, input }) => {
    const source = await readRerunSource(ctx.deps, input.id);
    await consumeTaskCreation(ctx);
    const ceiling = (await getBudgetSettings(ctx.deps.db)).maxTaskBudgetMicros;
    if (source.budgetMicros !== null && ceiling !== null && source.budgetMicros > ceiling && !can(ctx.actor.role, "exceedBudgetCeiling")) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `The task's budget of ${formatUsd(source.budgetMicros)} is above the ${formatUsd(ceiling)} ceiling for task budgets; edit it before re-running, or ask an admin.`,
      });
    }
    const task = await rerunTask(ctx.deps, { taskId: input.id, actor: ctx.actor, ip: ctx.clientAddress });
    return { id: task.id, title: task.title, status: task.status };
  }),

  files: protectedProcedure.input(ZTaskFilesRequestSchema).query(async ({ ctx, input }) => {
    const exists = await ctx.deps.db.task.count({ where: { id: input.id } });
    if (!exists) throw notFound(input.id);
    return listTaskFiles(ctx.deps.workspaces, input);
  }),

  raiseBudget: protectedProcedure.input(ZRaiseBudgetRequestSchema).mutation(async ({ ctx, input }) => {
    await assertMayBudget(ctx.deps.db, ctx.actor, input.id);
    const budgetMicros = usdToMicros(input.budgetUsd);
    assertWithinCeiling(await getBudgetSettings(ctx.deps.db), budgetMicros, can(ctx.actor.role, "exceedBudgetCeiling"));
    return raiseTaskBudget(ctx.deps, { taskId: input.id, budgetMicros, actor: ctx.actor, ip: ctx.clientAddress });
  }),

  stopAtBudget: protectedProcedure.input(ZCancelTaskRequestSchema).mutation(async ({ ctx, input }) => {
    await assertMayBudget(ctx.deps.db, ctx.actor, input.id);
    await stopAtBudget(ctx.deps, input.id);
    return { stopped: true };
  }),

  editPlan: protectedProcedure.input(ZEditPlanRequestSchema).mutation(async ({ ctx, input }) => {
    await assertMayReview(ctx.deps.db, ctx.actor, input.id);
    return editPlan(ctx.deps, { request: input, actor: ctx.actor, defaultModel: ctx.deps.defaultModel, ip: ctx.clientAddress });
  }),

  approvePlan: protectedProcedure.input(ZPlanVersionRequestSchema).mutation(async ({ ctx, input }) => {
    await assertMayReview(ctx.deps.db, ctx.actor, input.id);
    return approvePlan(ctx.deps, { taskId: input.id, planVersion: input.planVersion, actor: ctx.actor, ip: ctx.clientAddress });
  }),

  discardPlan: protectedProcedure.input(ZDiscardPlanRequestSchema).mutation(async ({ ctx, input }) => {
    await assertMayReview(ctx.deps.db, ctx.actor, input.id);
    return discardPlan(ctx.deps, { taskId: input.id, reason: input.reason, actor: ctx.actor, ip: ctx.clientAddress });
  }),
});
