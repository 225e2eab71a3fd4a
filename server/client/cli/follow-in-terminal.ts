// followTaskLogs for a terminal: says on stderr when the live connection drops and returns,
// and turns Ctrl-C into a note that the task keeps running.
import type { LogEventMessage, TaskUpdateMessage } from "../../contracts/realtime";
import { followTaskLogs, type FollowTaskLogsResult } from "../follow-task-logs";
import type { CliContext } from "./cli-context";

export async function followInTerminal(
  ctx: CliContext,
  taskId: string,
  handlers: { onLog(event: LogEventMessage): void; onUpdate?(update: TaskUpdateMessage): void },
): Promise<FollowTaskLogsResult | "interrupted"> {
  let lost = false;
  try {
    return await followTaskLogs({
      ...ctx.connection,
      client: ctx.client,
      fetch: ctx.fetch,
      taskId,
      signal: ctx.signal,
      ...handlers,
      onConnectionChange(connected, reason) {
        if (!connected && !lost) ctx.io.err(`baton: lost the live connection (${reason ?? "unknown reason"}); reconnecting…`);
        if (connected && lost) ctx.io.err("baton: reconnected; catching up on missed lines.");
        lost = !connected;
      },
    });
  } catch (error) {
    if (!ctx.signal.aborted) throw error;
    ctx.io.err(`baton: stopped following; task ${taskId} keeps running (baton task cancel ${taskId} stops it).`);
    return "interrupted";
  }
}
