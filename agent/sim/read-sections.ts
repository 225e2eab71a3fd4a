import { withoutTags } from "./read-markers";

export interface Section {
  title: string;
  body: string;
}

/**
 * The task sits after a `Task:` label when the caller adds context (file listings, agent
 * profiles) below it; that context must not leak into counting words or quoting the task.
 */
export function extractTask(text: string): string {
  const label = /(?:^|\n)(?:Task|Prompt):[ \t]*/i.exec(text);
  if (!label) return text.trim();
  const rest = text.slice(label.index + label[0].length);
  const end = rest.search(/\n\s*\n(?:[A-Z][\w ,()-]{0,60}:[ \t]*\n|##? )/);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

export function readSections(text: string): { preamble: string; sections: Section[] } {
  const preamble: string[] = [];
  const sections: Section[] = [];
  for (const line of text.split(/\r?\n/)) {
    const heading = /^##\s+(.+)$/.exec(line);
    const current = sections.at(-1);
    if (heading?.[1]) sections.push({ title: cleanTitle(heading[1]), body: "" });
    else if (current) current.body += `${line}\n`;
    else preamble.push(line);
  }
  return { preamble: preamble.join("\n"), sections };
}

function cleanTitle(raw: string): string {
  const title = raw.trim().replace(/^Output of\s+/i, "");
  return title.replace(/^"(.*)"$/, "$1").trim();
}

/** Keeps the prose of a section; structured output (fenced blocks, JSON lines) is for machines. */
export function proseOf(body: string, maxChars = 800): string {
  const kept: string[] = [];
  let fenced = false;
  for (const line of body.split(/\r?\n/)) {
    if (line.trim().startsWith("```")) {
      fenced = !fenced;
      continue;
    }
    if (fenced || /^\s*[{[].*[}\]]\s*$/.test(line)) continue;
    kept.push(line);
  }
  const text = withoutTags(kept.join("\n")).trim();
  return text.length > maxChars ? `${text.slice(0, maxChars).trimEnd()}…` : text;
}
