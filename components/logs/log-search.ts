// Search in the log: case-insensitive plain text (no patterns to get wrong), matched against
// each line's message; the viewer steps through the rows that match.
import type { LogRow } from "./group-log-rows";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** null for a blank query. The pattern is global so it can also split text for highlighting. */
export function searchPattern(query: string): RegExp | null {
  const trimmed = query.trim();
  return trimmed ? new RegExp(escape(trimmed), "gi") : null;
}

/** Indexes of the rows with a match, in order. */
export function findMatchingRows(rows: readonly LogRow[], pattern: RegExp | null): number[] {
  if (!pattern) return [];
  const test = new RegExp(pattern.source, "i");
  const matches: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.events.some((event) => test.test(event.message))) matches.push(i);
  }
  return matches;
}

/** The match to go to from `current` (an index into `matches`), wrapping at both ends. */
export function stepMatch(count: number, current: number | null, direction: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The match nearest at or after a row, so a new query starts where the reader is. */
export function firstMatchFrom(matches: readonly number[], rowIndex: number): number | null {
  if (matches.length === 0) return null;
  const at = matches.findIndex((index) => index >= rowIndex);
  return at === -1 ? 0 : at;
}

export interface TextPart {
  text: string;
  match: boolean;
}

export function splitMatches(text: string, pattern: RegExp | null): TextPart[] {
  if (!pattern) return [{ text, match: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const at = found.index;
    if (at > last) parts.push({ text: text.slice(last, at), match: false });
    parts.push({ text: found[0], match: true });
    last = at + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts.length ? parts : [{ text, match: false }];
}
