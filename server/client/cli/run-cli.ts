// The CLI as a function: arguments, environment and output in, exit status out. main.ts wires it
// to the process; keeping it free of process globals keeps it testable.
import { createBatonClient } from "../create-baton-client";
import { describeClientError, errorCodeOf } from "../describe-client-error";
import { EXIT, printJson, type CliContext, type CliIo } from "./cli-context";
import { formatAccount } from "./format-output";
import { MAIN_HELP, TASK_HELP } from "./help-text";
import { taskLogsCommand } from "./log-commands";
import { parseCommandLine, UsageError, type CliCommand } from "./parse-args";
import { DEFAULT_URL, resolveConnection } from "./resolve-connection";
import { cancelTaskCommand, createTaskCommand, getTaskCommand, listTasksCommand } from "./task-commands";

export interface RunCliOptions {
  io: CliIo;
  env: Record<string, string | undefined>;
  signal: AbortSignal;
  fetch?: typeof globalThis.fetch;
}

export async function runCli(argv: readonly string[], { io, env, signal, fetch }: RunCliOptions): Promise<number> {
  let url = env.BATON_URL || DEFAULT_URL;
  try {
    const { command, ...flags } = parseCommandLine(argv);
    if (command.name === "help") {
      const text = command.topic === "task" ? TASK_HELP : MAIN_HELP;
      if (command.requested) io.out(text);
      else io.err(text);
      return command.requested ? EXIT.ok : EXIT.usage;
    }
    const connection = resolveConnection(flags, env);
    url = connection.url;
    const client = createBatonClient({ ...connection, fetch });
    return await runCommand({ client, connection, io, signal, fetch }, command);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`baton: ${error.message}`);
      return EXIT.usage;
    }
    if (signal.aborted) return EXIT.interrupted;
    io.err(`baton: ${describeClientError(error, url)}`);
    // The server refusing the input is a usage error too, just one found further away.
    return errorCodeOf(error) === "BAD_REQUEST" ? EXIT.usage : EXIT.failed;
  }
}

async function runCommand(ctx: CliContext, command: Exclude<CliCommand, { name: "help" }>): Promise<number> {
  switch (command.name) {
    case "task create":
      return createTaskCommand(ctx, command);
    case "task list":
      return listTasksCommand(ctx, command);
    case "task get":
      return getTaskCommand(ctx, command);
    case "task logs":
      return taskLogsCommand(ctx, command);
    case "task cancel":
      return cancelTaskCommand(ctx, command);
    case "whoami": {
      const account = await ctx.client.account.me.query(undefined, { signal: ctx.signal });
      if (command.json) printJson(ctx.io, account);
      else ctx.io.out(formatAccount(account));
      return EXIT.ok;
    }
  }
}
