/**
 * Markers let tests steer the sim from inside ordinary prompt text, so no test-only
 * API is needed on the caller's side.
 */
const PLANNER_ONLY = /\s*\[sim:(?:fail=\d+|invalid-plan(?:-always)?|wide=\d+|chain=\d+|collide)\]/g;
const ANY_TAG = /\s*\[(?:sim:[^\]]*|item=\d+|step=[a-z]+)\]/g;

export function hasMarker(text: string, marker: string): boolean {
  return text.includes(`[sim:${marker}]`);
}

export function wideCount(text: string): number | undefined {
  const match = /\[sim:wide=(\d+)\]/.exec(text);
  return match?.[1] ? Math.min(20, Math.max(1, Number(match[1]))) : undefined;
}

/** `[sim:chain=N]`: a straight chain of N steps (1–60), for measuring per-step overhead. */
export function chainLength(text: string): number | undefined {
  const match = /\[sim:chain=(\d+)\]/.exec(text);
  return match?.[1] ? Math.min(60, Math.max(1, Number(match[1]))) : undefined;
}

export function commandMarker(text: string): string | undefined {
  return commandMarkers(text)[0];
}

/** Every `[sim:cmd=…]`, in order: the subtask runs them one after another while they succeed. */
export function commandMarkers(text: string): string[] {
  return [...text.matchAll(/\[sim:cmd=([^\]]+)\]/g)].flatMap((match) => (match[1]?.trim() ? [match[1].trim()] : []));
}

/** `[sim:write=PATH]`: the subtask writes PATH as its first step (two such subtasks at once collide). */
export function writeMarker(text: string): string | undefined {
  return /\[sim:write=([^\]]+)\]/.exec(text)?.[1]?.trim() || undefined;
}

/** Acting markers such as `[sim:cmd=…]` must survive into subtask instructions; planner markers must not. */
export function withoutPlannerMarkers(text: string): string {
  return text.replace(PLANNER_ONLY, "").trim();
}

export function withoutTags(text: string): string {
  return text.replace(ANY_TAG, "").trim();
}

export type SubtaskRole = { kind: "join" } | { kind: "gather" } | { kind: "item"; item: number };

/** The first tag wins: a subtask's own instructions precede any dependency output quoted after them. */
export function subtaskRole(text: string): SubtaskRole | undefined {
  const match = /\[(?:step=(join|gather)|item=(\d+))\]/.exec(text);
  if (!match) return undefined;
  if (match[1] === "join") return { kind: "join" };
  if (match[1] === "gather") return { kind: "gather" };
  return { kind: "item", item: Math.max(1, Number(match[2])) };
}
