// The one tRPC bootstrap: context, transformer, error shape and the base procedures.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Actor } from "../auth/actor";
import { accessRuleFor, can, type Ability } from "../auth/permissions";
import type { RateLimits } from "../auth/rate-limits";
import { ROLE_LABELS } from "../auth/roles";
import { describeIssue } from "../contracts/plain-messages";
import type { AgentSamples } from "../services/agents/agent-samples";
import type { FleetPause } from "../services/fleet/fleet-pause";
import type { FleetCommands } from "../queues/fleet-commands";
import type { OrchestratorDeps } from "../services/orchestration/deps";
import { ServiceError } from "../services/service-error";
import type { WorkspaceConfig } from "../services/tasks/task-workspace";
import { findUnstorableText } from "./unstorable-text";

export interface ApiDeps extends OrchestratorDeps {
  /** The model of profiles that name none (BATON_MODEL), for plan estimates. */
  defaultModel: string;
  rateLimits: RateLimits;
  fleetPause: FleetPause;
  fleetCommands: FleetCommands;
  /** Where task workspaces are read from for the file list and downloads. */
  workspaces: WorkspaceConfig;
  agentSamples: AgentSamples;
}

export interface TrpcContext {
  deps: ApiDeps;
  actor: Actor | null;
  /** Why the offered credential was refused (bad token, too many attempts), if it was. */
  authFailure: TRPCError | null;
  /** Set when the request is a cookie-authenticated write from a foreign origin. */
  csrfRefusal: string | null;
  clientAddress: string;
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
        fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : fieldErrorOf(error.cause),
      },
    };
  },
});

/** A service's refusal of one field, shaped as validation's field errors. */
function fieldErrorOf(cause: unknown): Record<string, string[]> | null {
  return cause instanceof ServiceError && cause.field ? { [cause.field]: [cause.fieldMessage] } : null;
}

/** "prompt: is empty — …; priority: must be at most 10" — each problem named by its field. */
function describeIssues(error: ZodError): string {
  return error.issues.map(describeIssue).join("; ");
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure goes through here. Its rule comes from the permission matrix by path, so a
 * procedure nobody wrote a rule for is refused rather than open. Runs before input parsing:
 * a caller without access learns nothing about the input's shape.
 */
const access = t.middleware(({ ctx, path, type, next }) => {
  const rule = accessRuleFor(path);
  if (!rule) throw new TRPCError({ code: "FORBIDDEN", message: `"${path}" has no access rule, so nobody may call it.` });
  if (type === "mutation" && ctx.csrfRefusal) throw new TRPCError({ code: "FORBIDDEN", message: ctx.csrfRefusal });
  if (ctx.authFailure) throw ctx.authFailure;
  const actor = ctx.actor;
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in, or send an API token, to use Baton." });
  if (rule.sessionOnly && actor.via !== "session") {
    throw new TRPCError({ code: "FORBIDDEN", message: `"${path}" is only available when signed in to the dashboard, not with an API token.` });
  }
  if (!can(actor.role, rule.role)) {
    const scopeHint = actor.via === "token" ? " (through this token)" : "";
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `"${path}" needs the ${ROLE_LABELS[rule.role].toLowerCase()} role or higher; you are a ${ROLE_LABELS[actor.role].toLowerCase()}${scopeHint}.`,
    });
  }
  return next({ ctx: { ...ctx, actor } });
});

/** Services refuse with ServiceError; callers get the matching tRPC code and HTTP status. */
const serviceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ServiceError) {
    throw new TRPCError({ code: result.error.cause.code, message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

/** Refuses strings PostgreSQL cannot hold (NUL, lone surrogates) before any procedure sees them. */
const storableText = t.middleware(async ({ getRawInput, next }) => {
  const bad = findUnstorableText(await getRawInput());
  if (bad) throw new TRPCError({ code: "BAD_REQUEST", message: `${bad.path}: ${bad.problem}; remove it and try again.` });
  return next();
});

export const protectedProcedure = t.procedure.use(access).use(storableText).use(serviceErrors);

/** Throws FORBIDDEN unless the actor's role carries the ability. */
export function assertAbility(actor: Actor, ability: Ability, message: string): void {
  if (!can(actor.role, ability)) throw new TRPCError({ code: "FORBIDDEN", message });
}
