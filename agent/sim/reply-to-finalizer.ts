import type { Reply } from "./api-types";
import type { Conversation } from "./read-conversation";
import { withoutTags } from "./read-markers";
import { extractTask, proseOf, readSections } from "./read-sections";

/** Labels and markdown decoration are stripped so the heading reads like a title. */
function taskTitle(preamble: string): string {
  const line = withoutTags(extractTask(preamble)).split(/\r?\n/).find((l) => l.trim()) ?? "";
  const cleaned = line.trim().replace(/^#+\s*/, "").replace(/^["“](.*)["”]$/, "$1");
  if (!cleaned) return "Task report";
  return cleaned.length > 100 ? `${cleaned.slice(0, 99).trimEnd()}…` : cleaned;
}

export function replyToFinalizer(conversation: Conversation): Reply {
  const last = conversation.toolResults.at(-1);
  if (last && !last.isError && (last.toolName === "submit_result" || last.toolName === undefined)) {
    return { blocks: [{ type: "text", text: "The report has been submitted. That completes the task." }], stopReason: "end_turn" };
  }

  const { preamble, sections } = readSections(conversation.firstUserText);
  const title = taskTitle(preamble);
  const parts = [`# ${title}`, "", `This report combines the results of ${sections.length} subtasks.`];
  for (const section of sections) {
    parts.push("", `## ${section.title}`, "", proseOf(section.body) || "_No summary was provided._");
  }
  if (sections.length === 0) parts.push("", "No subtask outputs were found in the request.");
  const markdown = parts.join("\n");

  const text =
    `All ${sections.length} subtask outputs are in. ` +
    "I'll assemble them into a single report with one section per subtask and submit it.";
  return {
    blocks: [
      { type: "text", text },
      {
        type: "tool_use",
        name: "submit_result",
        input: { markdown, data: { subtaskCount: sections.length, sections: sections.map((s) => s.title) } },
      },
    ],
    stopReason: "tool_use",
  };
}
