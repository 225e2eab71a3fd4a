// `baton task create | list | get | cancel`: one function per command, each returning the exit
// status. The log commands live in log-commands.ts.
import { describeStop } from "./log-commands";
import type { RouterOutputs } from "../create-baton-client";
import { EXIT, printJson, type CliContext } from "./cli-context";
import { followInTerminal } from "./follow-in-terminal";
import { formatClock, formatTaskDetail, formatTaskTable } from "./format-output";
import type { CliCommand } from "./parse-args";

type Command<Name extends CliCommand["name"]> = Extract<CliCommand, { name: Name }>;

/** The server's page limit for task.list; longer lists take several pages. */
const LIST_PAGE_LIMIT = 100;
const DEFAULT_LIST_LIMIT = 25;

export async function createTaskCommand(ctx: CliContext, command: Command<"task create">): Promise<number> {
  const { io, signal } = ctx;
  const created = await ctx.client.task.create.mutate({ prompt: command.prompt, title: command.title, priority: command.priority, reviewPlan: command.review }, { signal });
  if (!command.wait) {
    if (command.json) printJson(io, created);
    else io.out(created.id);
    return EXIT.ok;
  }

  io.err(`Created task ${created.id} "${created.title}"; waiting for it to finish (Ctrl-C stops waiting, not the task).`);
  let status: string = created.status;
  const outcome = await followInTerminal(ctx, created.id, {
    onLog(event) {
      if (event.kind === "STATUS" || event.level === "ERROR") io.err(`${formatClock(event.createdAt, io.timeZone)}  ${event.message}`);
    },
    onUpdate(update) {
      if (!update.status || update.status === status) return;
      status = update.status;
      io.err(`${formatClock(new Date(), io.timeZone)}  status: ${status.toLowerCase()}`);
    },
  });
  if (outcome === "interrupted") return EXIT.interrupted;

  const { task } = outcome;
  if (command.json) printJson(io, task);
  else if (task.resultMarkdown) io.out(task.resultMarkdown.trimEnd());
  if (task.status === "SUCCEEDED") return EXIT.ok;
  if (task.status === "AWAITING_REVIEW") {
    // Asked for with --review: the plan being ready is where this wait ends, not a failure.
    io.err(`baton: task ${task.id} ${describeStop(task.status, task.statusReason)}`);
    return EXIT.ok;
  }
  io.err(`baton: task ${task.id} ${describeStop(task.status, task.statusReason)}`);
  return EXIT.failed;
}

export async function listTasksCommand(ctx: CliContext, command: Command<"task list">): Promise<number> {
  const wanted = command.limit ?? DEFAULT_LIST_LIMIT;
  const items: RouterOutputs["task"]["list"]["items"] = [];
  let cursor: string | undefined;
  let more = false;
  do {
    const limit = Math.min(LIST_PAGE_LIMIT, wanted - items.length);
    const page = await ctx.client.task.list.query({ status: command.status, limit, cursor }, { signal: ctx.signal });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    more = cursor !== undefined;
  } while (more && items.length < wanted);

  if (command.json) {
    printJson(ctx.io, items);
    return EXIT.ok;
  }
  const which = command.status ? ` ${command.status.toLowerCase()}` : "";
  if (items.length === 0) {
    ctx.io.out(`No${which} tasks.`);
    return EXIT.ok;
  }
  ctx.io.out(formatTaskTable(items, ctx.io));
  if (more) ctx.io.err(`(the newest ${items.length}${which} tasks; --limit shows more)`);
  return EXIT.ok;
}

export async function getTaskCommand(ctx: CliContext, command: Command<"task get">): Promise<number> {
  const task = await ctx.client.task.byId.query({ id: command.id }, { signal: ctx.signal });
  if (command.json) printJson(ctx.io, task);
  else ctx.io.out(formatTaskDetail(task, ctx.io));
  return EXIT.ok;
}

export async function cancelTaskCommand(ctx: CliContext, command: Command<"task cancel">): Promise<number> {
  await ctx.client.task.cancel.mutate({ id: command.id }, { signal: ctx.signal });
  ctx.io.out(`Cancelled task ${command.id}.`);
  return EXIT.ok;
}
