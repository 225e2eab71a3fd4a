// Task procedures: thin wrappers that validate, check access and call the task services.
import { TRPCError } from "@trpc/server";
import { cancelTask, ZCancelTaskRequestSchema } from "../../services/tasks/cancel-task";
import { createTask, ZCreateTaskRequestSchema } from "../../services/tasks/create-task";
import { getTask, ZTaskByIdRequestSchema } from "../../services/tasks/get-task";
import { listTaskLogs, ZTaskLogsRequestSchema } from "../../services/tasks/list-task-logs";
import { listTasks, UnknownCursorError, ZListTasksRequestSchema } from "../../services/tasks/list-tasks";
import { RateLimitedError } from "../../auth/rate-limits";
import { assertAbility, createTRPCRouter, protectedProcedure } from "../trpc";

const notFound = (id: string) => new TRPCError({ code: "NOT_FOUND", message: `No task with id "${id}".` });

export const taskRouter = createTRPCRouter({
  create: protectedProcedure.input(ZCreateTaskRequestSchema).mutation(async ({ ctx, input }) => {
    try {
      await ctx.deps.rateLimits.consumeTaskCreation(ctx.actor.userId);
    } catch (error) {
      if (error instanceof RateLimitedError) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error });
      throw error;
    }
    const task = await createTask(ctx.deps, { request: input, userId: ctx.actor.userId });
    return { id: task.id, title: task.title, status: task.status };
  }),

  list: protectedProcedure.input(ZListTasksRequestSchema.default({ limit: 25 })).query(async ({ ctx, input }) => {
    try {
      return await listTasks(ctx.deps.db, input);
    } catch (error) {
      if (error instanceof UnknownCursorError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
      throw error;
    }
  }),

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
});
