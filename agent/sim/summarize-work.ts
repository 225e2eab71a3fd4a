import type { JsonObject } from "./api-types";
import { commandOutcome, describeText, parseListing, writtenBytes } from "./inspect-workspace";
import { whichFile } from "./plan-subtasks";
import type { Conversation } from "./read-conversation";
import type { SubtaskRole } from "./read-markers";

export interface WorkSummary {
  summary: string;
  output: JsonObject;
  failed: boolean;
}

const ACTIONS = new Set(["read_file", "write_file", "run_command"]);

function firstLine(text: string): string {
  return (text.split(/\r?\n/).find((l) => l.trim()) ?? "").trim().slice(0, 200);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Concrete facts in the summary let downstream steps (and tests) check the work really happened. */
export function summarizeWork(conversation: Conversation, role: SubtaskRole): WorkSummary {
  const results = conversation.toolResults;
  const failure = results.find((r) => r.isError && r.toolName !== "finish");
  if (failure) {
    const tool = failure.toolName ?? "a tool";
    const error = firstLine(failure.text) || "unknown error";
    return {
      summary: `Could not complete the subtask: ${tool} failed with "${error}".`,
      output: { completed: false, tool, error },
      failed: true,
    };
  }

  const listing = parseListing(results.find((r) => r.toolName === "list_files")?.text ?? "");
  const totalBytes = listing.reduce((sum, f) => sum + f.size, 0);
  const action = results.findLast((r) => r.toolName !== undefined && ACTIONS.has(r.toolName));

  if (action?.toolName === "run_command") {
    const command = String(action.toolInput.command ?? "");
    const { exitCode, output } = commandOutcome(action.text);
    const outcome = exitCode === undefined ? "it finished" : `it exited with code ${exitCode}`;
    return { summary: `Ran \`${command}\`; ${outcome}.`, output: { command, exitCode: exitCode ?? null, output }, failed: false };
  }

  if (action?.toolName === "write_file") {
    const file = String(action.toolInput.path ?? "report.md");
    const content = String(action.toolInput.content ?? "");
    const bytes = writtenBytes(action.text) ?? Buffer.byteLength(content);
    return { summary: `Wrote the combined report to ${file} (${bytes} bytes).`, output: { file, bytes }, failed: false };
  }

  if (action?.toolName === "read_file") {
    const file = String(action.toolInput.path ?? "");
    const facts = describeText(action.text);
    const bytes = listing.find((f) => f.path === file)?.size ?? Buffer.byteLength(action.text);
    const rank = role.kind === "item" ? role.item : 1;
    const opening = facts.firstHeading
      ? `its first heading is "${facts.firstHeading}"`
      : facts.firstLine
        ? `it starts with "${facts.firstLine}"`
        : "it is empty";
    const survey = role.kind === "gather" ? ` The workspace holds ${listing.length} files totalling ${totalBytes} bytes.` : "";
    return {
      summary: `${capitalize(whichFile(rank))} is ${file} (${bytes} bytes, ${facts.lines} lines); ${opening}.${survey}`,
      output: { file, bytes, ...facts, rank, fileCount: listing.length, totalBytes },
      failed: false,
    };
  }

  if (results.some((r) => r.toolName === "list_files")) {
    return {
      summary: `The workspace holds ${listing.length} files totalling ${totalBytes} bytes; there was no file to read.`,
      output: { fileCount: listing.length, totalBytes },
      failed: false,
    };
  }
  return { summary: "Finished without needing any workspace tools.", output: {}, failed: false };
}
