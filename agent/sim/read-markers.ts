/**
 * Markers let tests steer the sim from inside ordinary prompt text, so no test-only
 * API is needed on the caller's side.
 */
const PLANNER_ONLY = /\s*\[sim:(?:fail=\d+|invalid-plan(?:-always)?|wide=\d+|chain=\d+|dag=[^\]]*|collide)\]/g;
const ANY_TAG = /\s*\[(?:sim:[^\]]*|item=\d+|step=(?:[a-z]+|\d+))\]/g;

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

export interface DagNode {
  workMs: number;
  priority: number;
  dependsOn: number[];
}

/**
 * `[sim:dag=120p5;300p7<0;80<0,1]`: an explicit graph for scheduling benchmarks. Nodes are
 * separated by `;`, each `<work ms>[p<priority 1-10>][<<dependency indices>]`; a node depends
 * only on earlier ones. Undefined when there is no marker or it does not parse.
 */
export function dagNodes(text: string): DagNode[] | undefined {
  const body = /\[sim:dag=([^\]]*)\]/.exec(text)?.[1];
  if (!body) return undefined;
  const nodes: DagNode[] = [];
  for (const entry of body.split(";")) {
    const match = /^\s*(\d+)(?:p(\d+))?(?:<([\d,]+))?\s*$/.exec(entry);
    if (!match) return undefined;
    const dependsOn = match[3] ? match[3].split(",").filter(Boolean).map(Number) : [];
    if (dependsOn.some((d) => d >= nodes.length)) return undefined;
    nodes.push({ workMs: Number(match[1]), priority: Math.min(10, Math.max(1, Number(match[2] ?? 5))), dependsOn });
  }
  return nodes.length ? nodes : undefined;
}

/** `[sim:work=N]`: the subtask's first model call takes N ms more (its simulated work); the first marker counts. */
export function workMs(text: string): number {
  const match = /\[sim:work=(\d{1,6})\]/.exec(text);
  return match?.[1] ? Number(match[1]) : 0;
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
