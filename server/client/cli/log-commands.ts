// `baton task logs [--follow]`: the stored log, then (with --follow) live lines until the task ends.
import type { LogEventMessage } from "../../contracts/realtime";
import { readTaskLogPages } from "../read-task-logs";
import { EXIT, toJson, type CliContext } from "./cli-context";
import { followInTerminal } from "./follow-in-terminal";
import { formatLogLine } from "./format-output";
import type { CliCommand } from "./parse-args";
import { createSubtaskLabels } from "./subtask-labels";

export async function taskLogsCommand(ctx: CliContext, command: Extract<CliCommand, { name: "task logs" }>): Promise<number> {
  const { client, io, signal } = ctx;
  // Read first: an unknown id fails here with the server's message, and labels need the subtasks.
  const task = await client.task.byId.query({ id: command.id }, { signal });
  const labels = createSubtaskLabels(client, task);

  // Lines are printed in arrival order even when one waits for its subtask's label.
  let printing = Promise.resolve();
  const print = (event: LogEventMessage) => {
    printing = printing.then(async () => {
      io.out(command.json ? toJson(event) : formatLogLine(event, await labels.labelFor(event.subtaskId), io));
    });
  };

  if (!command.follow) {
    for await (const page of readTaskLogPages(client, { taskId: task.id, signal })) page.forEach(print);
    await printing;
    return EXIT.ok;
  }

  const outcome = await followInTerminal(ctx, task.id, { onLog: print });
  await printing;
  if (outcome === "interrupted") return EXIT.interrupted;
  io.err(`baton: task ${task.id} ${describeStop(outcome.status, outcome.task.statusReason)}`);
  return outcome.status === "SUCCEEDED" ? EXIT.ok : EXIT.failed;
}

/** "succeeded.", "failed: <reason>", "paused at its budget; …" */
export function describeStop(status: string, statusReason: string | null): string {
  if (status === "SUCCEEDED") return "succeeded.";
  if (status === "AWAITING_REVIEW") return "waits for review of its plan; approve or discard it on the task page.";
  if (status === "BUDGET_REACHED") return "paused at its budget; raise the budget on the task page to let it continue.";
  return `${status.toLowerCase()}${statusReason ? `: ${statusReason}` : "."}`;
}
