import type { Reply } from "./api-types";
import type { Conversation } from "./read-conversation";
import { withoutTags } from "./read-markers";

interface Section {
  title: string;
  body: string;
}

const MAX_SECTION_CHARS = 800;

function readSections(text: string): { preamble: string[]; sections: Section[] } {
  const preamble: string[] = [];
  const sections: Section[] = [];
  for (const line of text.split(/\r?\n/)) {
    const heading = /^##\s+(.+)$/.exec(line);
    if (heading?.[1]) sections.push({ title: heading[1].trim(), body: "" });
    else if (sections.length === 0) preamble.push(line);
    else {
      const current = sections.at(-1);
      if (current) current.body += `${line}\n`;
    }
  }
  return { preamble, sections };
}

/** The task usually leads the message; labels and markdown decoration are stripped for the heading. */
function taskTitle(preamble: string[]): string {
  const line = preamble.map((l) => withoutTags(l).trim()).find((l) => l.length > 0) ?? "";
  const cleaned = line.replace(/^#+\s*/, "").replace(/^(task|prompt|goal)\s*:\s*/i, "").replace(/^["“]|["”]$/g, "");
  if (!cleaned) return "Task report";
  return cleaned.length > 100 ? `${cleaned.slice(0, 99).trimEnd()}…` : cleaned;
}

function clip(text: string): string {
  const trimmed = withoutTags(text).trim();
  return trimmed.length > MAX_SECTION_CHARS ? `${trimmed.slice(0, MAX_SECTION_CHARS).trimEnd()}…` : trimmed;
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
    parts.push("", `## ${section.title}`, "", clip(section.body) || "_No summary was provided._");
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
