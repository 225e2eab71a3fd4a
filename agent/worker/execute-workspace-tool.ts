// Runs one workspace tool call for the model: validates the input, confines it to the workspace,
// lets the gate hold or refuse commands and writes (approvals, write locks) and turns every
// problem into a tool error the model can read.
import { z } from "zod";
import { listFiles, readFile, writeFile } from "../tools/file-tools";
import { describeCommandResult, runCommand } from "../tools/run-command";
import { TOOL_INPUTS, isToolName } from "../tools/tool-definitions";
import { relativeInWorkspace } from "../tools/workspace-path";
import { ToolInputError } from "../tools/tool-error";
import type { ToolOutcome } from "../model/run-tool-loop";
import type { CommandSandbox } from "../tools/sandbox";
import type { TaskCoordination } from "../tools/task-coordination";

/** Checks before a command or write runs; each returns null to go ahead, or the error for the model. */
export interface ToolGate {
  command(command: string): Promise<string | null>;
  write(path: string, bytes: number): Promise<string | null>;
}

export interface WorkspaceToolContext {
  workspace: string;
  allowedTools: string[];
  commandTimeoutSeconds: number;
  /** null: no sandbox here and unsandboxed commands are not allowed, so run_command is refused. */
  commandSandbox: CommandSandbox | null;
  coordination: { state: TaskCoordination; taskId: string; from: string };
  signal: AbortSignal;
  gate?: ToolGate;
}

export async function executeWorkspaceTool(ctx: WorkspaceToolContext, name: string, input: unknown): Promise<ToolOutcome> {
  if (!isToolName(name) || !ctx.allowedTools.includes(name)) {
    return { content: `Tool "${name}" is not available to this agent. Available: ${ctx.allowedTools.join(", ")}.`, isError: true };
  }
  const parsed = TOOL_INPUTS[name].safeParse(input);
  if (!parsed.success) return { content: `Invalid input for ${name}: ${z.prettifyError(parsed.error)}`, isError: true };
  const args = parsed.data as Record<string, unknown>;
  try {
    switch (name) {
      case "list_files":
        return { content: JSON.stringify(await listFiles(ctx.workspace, (args.path as string | undefined) ?? ".")) };
      case "read_file":
        return { content: await readFile(ctx.workspace, args.path as string) };
      case "write_file": {
        const relative = await relativeInWorkspace(ctx.workspace, args.path as string);
        const refusal = await ctx.gate?.write(relative, Buffer.byteLength(args.content as string));
        if (refusal) return { content: refusal, isError: true };
        return { content: await writeFile(ctx.workspace, args.path as string, args.content as string) };
      }
      case "run_command": {
        if (!ctx.commandSandbox) {
          return {
            content: "run_command is unavailable on this host: bubblewrap is not installed and an admin has not allowed unsandboxed commands (BATON_ALLOW_UNSANDBOXED_COMMANDS=1).",
            isError: true,
          };
        }
        const refusal = await ctx.gate?.command(args.command as string);
        if (refusal) return { content: refusal, isError: true };
        const timeoutSeconds = Math.min((args.timeoutSeconds as number | undefined) ?? ctx.commandTimeoutSeconds, ctx.commandTimeoutSeconds);
        const result = await runCommand(ctx.workspace, args.command as string, { timeoutSeconds, signal: ctx.signal, sandbox: ctx.commandSandbox });
        return { content: describeCommandResult(result, timeoutSeconds), isError: result.timedOut || result.exitCode !== 0 };
      }
      case "share_data":
        await ctx.coordination.state.share(ctx.coordination.taskId, args.key as string, args.value ?? null);
        return { content: `Shared "${args.key as string}".` };
      case "get_shared_data":
        return { content: JSON.stringify(await ctx.coordination.state.get(ctx.coordination.taskId, args.key as string | undefined)) };
      case "post_message": {
        const id = await ctx.coordination.state.post(ctx.coordination.taskId, { from: ctx.coordination.from, text: args.text as string });
        return { content: `Posted message ${id}.` };
      }
      case "read_messages":
        return { content: JSON.stringify(await ctx.coordination.state.read(ctx.coordination.taskId, args.after as string | undefined)) };
      default:
        return { content: `Tool "${name}" cannot be run here.`, isError: true };
    }
  } catch (error) {
    if (error instanceof ToolInputError) return { content: error.message, isError: true };
    // The workspace's own state: a directory where a file was meant, a file another subtask removed
    // meanwhile, a name too long. The model can correct it; the run goes on.
    if (isFileSystemError(error)) return { content: `${name} failed: ${error.message.replaceAll(`${ctx.workspace}/`, "").replaceAll(ctx.workspace, ".")}`, isError: true };
    throw error;
  }
}

/** An error of a file operation on a path (Node's fs errors name the call and the path); a network error names no path. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const { syscall, path } = error as NodeJS.ErrnoException;
  return error instanceof Error && typeof syscall === "string" && typeof path === "string";
}
