import { withoutTags } from "./read-markers";
import { proseOf, readSections } from "./read-sections";

export interface ListedFile {
  path: string;
  size: number;
}

/** Tolerates any listing shape that isn't the expected JSON by treating it as empty. */
export function parseListing(text: string): ListedFile[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { path, size, type } = entry as { path?: unknown; size?: unknown; type?: unknown };
    if (typeof path !== "string" || (type !== undefined && type !== "file")) return [];
    return [{ path, size: typeof size === "number" ? size : 0 }];
  });
}

/** Largest first with path as tie-breaker, so branch N always lands on the same file. */
export function pickFile(files: ListedFile[], item: number): ListedFile | undefined {
  const ranked = [...files].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (ranked.length === 0) return undefined;
  return ranked[(Math.max(1, item) - 1) % ranked.length];
}

export interface TextFacts {
  lines: number;
  firstHeading?: string;
  firstLine?: string;
}

export function describeText(text: string): TextFacts {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  const heading = lines.find((line) => /^#{1,6}\s+\S/.test(line));
  const first = lines.find((line) => line.trim().length > 0);
  return {
    lines: lines.length,
    ...(heading ? { firstHeading: heading.replace(/^#+\s*/, "").trim() } : {}),
    ...(first ? { firstLine: first.trim().slice(0, 120) } : {}),
  };
}

export function writtenBytes(text: string): number | undefined {
  const match = /wrote\s+(\d+)\s+bytes/i.exec(text);
  return match?.[1] ? Number(match[1]) : undefined;
}

export function commandOutcome(text: string): { exitCode?: number; output: string } {
  const match = /exit(?:ed)?(?:\s+with)?(?:\s+code)?\s*[:=]?\s*(-?\d+)/i.exec(text);
  return { ...(match?.[1] ? { exitCode: Number(match[1]) } : {}), output: text.trim().slice(0, 400) };
}

/** The join step's report is built from the dependency outputs quoted after its instructions. */
export function assembleReport(firstUserText: string): string {
  const task = /\btask:\s*"?([^"\n]+)/i.exec(firstUserText)?.[1];
  const title = task ? `# Combined report: ${withoutTags(task).trim()}` : "# Combined report";
  const { preamble, sections } = readSections(firstUserText);
  const parts = [title, ""];
  for (const section of sections) parts.push(`## ${section.title}`, "", proseOf(section.body, 2000) || "_No summary._", "");
  if (sections.length === 0) {
    const rest = withoutTags(preamble.split(/\n\s*\n/).slice(1).join("\n\n")).trim();
    parts.push("## Findings", "", rest.slice(0, 6000) || "No dependency outputs were provided.", "");
  }
  parts.push(`_Assembled from the outputs of ${sections.length || "the"} earlier subtasks._`, "");
  return parts.join("\n");
}
