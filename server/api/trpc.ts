// The one tRPC bootstrap: context, transformer, error shape and the base procedures.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { OrchestratorDeps } from "../services/orchestration/deps";

export interface Actor {
  userId: string | null;
}

export interface TrpcContext {
  deps: OrchestratorDeps;
  actor: Actor | null;
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const hideInternals = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: zodError ? describeIssues(zodError) : hideInternals ? "Something went wrong on the server." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : null,
      },
    };
  },
});

/** "prompt: is empty — …; priority: Too big: …" — each problem named by its field. */
function describeIssues(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "input"}: ${issue.message}`).join("; ");
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Every data procedure goes through here; sign-in and roles narrow `actor` here. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to use Baton." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});
