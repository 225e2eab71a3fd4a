// The plan as the review page edits it: subtasks keyed by a stable key (the saved id, or a new
// one for added subtasks) with dependencies by key, so removing a subtask never renumbers what
// others wait for. Converted to positions only when sent to task.editPlan.
import type { RouterInputs, RouterOutputs } from "@/components/providers/trpc";

type SavedSubtask = RouterOutputs["task"]["byId"]["subtasks"][number];
export type EditedSubtask = RouterInputs["task"]["editPlan"]["subtasks"][number];

export interface DraftSubtask {
  key: string;
  title: string;
  instructions: string;
  capabilities: string[];
  priority: number;
  optional: boolean;
  estimateSeconds: number | null;
  dependsOn: string[];
  /** The saved subtask it shows (with its estimate and profile); null for one added here. */
  saved: SavedSubtask | null;
}

export function draftFromSaved(subtasks: SavedSubtask[]): DraftSubtask[] {
  return subtasks.map((subtask) => ({
    key: subtask.id,
    title: subtask.title,
    instructions: subtask.instructions,
    capabilities: subtask.capabilities,
    priority: subtask.priority,
    optional: subtask.optional,
    estimateSeconds: subtask.estimateSeconds,
    dependsOn: subtask.dependsOn,
    saved: subtask,
  }));
}

export function newDraftSubtask(key: string, after: DraftSubtask[]): DraftSubtask {
  return {
    key,
    title: "",
    instructions: "",
    capabilities: [],
    priority: 5,
    optional: false,
    estimateSeconds: null,
    // A new step most often continues from the last one.
    dependsOn: after.length > 0 ? [after[after.length - 1]!.key] : [],
    saved: null,
  };
}

/** Removes a subtask and every dependency on it. */
export function removeSubtask(draft: DraftSubtask[], key: string): DraftSubtask[] {
  return draft.filter((s) => s.key !== key).map((s) => (s.dependsOn.includes(key) ? { ...s, dependsOn: s.dependsOn.filter((dep) => dep !== key) } : s));
}

export function updateSubtask(draft: DraftSubtask[], key: string, change: Partial<Pick<DraftSubtask, "title" | "instructions" | "dependsOn" | "capabilities">>): DraftSubtask[] {
  return draft.map((s) => (s.key === key ? { ...s, ...change } : s));
}

export function toggleDependency(draft: DraftSubtask[], key: string, dependency: string): DraftSubtask[] {
  return draft.map((s) =>
    s.key !== key ? s : { ...s, dependsOn: s.dependsOn.includes(dependency) ? s.dependsOn.filter((d) => d !== dependency) : [...s.dependsOn, dependency] },
  );
}

export function toggleCapability(draft: DraftSubtask[], key: string, capability: string): DraftSubtask[] {
  return draft.map((s) =>
    s.key !== key ? s : { ...s, capabilities: s.capabilities.includes(capability) ? s.capabilities.filter((c) => c !== capability) : [...s.capabilities, capability].sort() },
  );
}

/** Every capability some profile offers, for choosing what a subtask needs. */
export function capabilityChoices(profiles: { capabilities: string[] }[], draft: DraftSubtask[]): string[] {
  return [...new Set([...profiles.flatMap((p) => p.capabilities), ...draft.flatMap((s) => s.capabilities)])].sort();
}

/** What task.editPlan takes: the whole plan, dependencies as positions in it. */
export function toEditRequest(draft: DraftSubtask[]): EditedSubtask[] {
  const position = new Map(draft.map((s, index) => [s.key, index]));
  return draft.map((s) => ({
    title: s.title,
    instructions: s.instructions,
    capabilities: s.capabilities,
    priority: s.priority,
    optional: s.optional,
    ...(s.estimateSeconds === null ? {} : { estimateSeconds: s.estimateSeconds }),
    dependsOn: s.dependsOn.flatMap((dep) => (position.has(dep) ? [position.get(dep)!] : [])),
  }));
}

/** True when the draft would save something other than what is stored. */
export function isChanged(draft: DraftSubtask[], saved: SavedSubtask[]): boolean {
  return JSON.stringify(toEditRequest(draft)) !== JSON.stringify(toEditRequest(draftFromSaved(saved)));
}

/** What a subtask's estimate rests on, in words. */
export function describeBasis(basis: string | null, samples: number): string {
  if (basis === "similar") return `from ${samples} similar subtask${samples === 1 ? "" : "s"}`;
  if (basis === "profile") return `from ${samples} earlier subtask${samples === 1 ? "" : "s"} of this profile`;
  return "no history yet: a default";
}

const PLAN_FIELD_LABELS: Record<string, string> = { dependsOn: "depends on", estimateSeconds: "estimate" };

/**
 * The API's message for a refused plan in the editor's own terms: "subtasks.0.title: is empty"
 * names "Subtask #1, title", as the editor numbers them.
 */
export function describePlanError(message: string): string {
  return message.replace(/\bsubtasks\.(\d+)(?:\.(\w+))?(?:\.\d+)*:/g, (_, index: string, field: string | undefined) => {
    const subtask = `Subtask #${Number(index) + 1}`;
    return field ? `${subtask}, ${PLAN_FIELD_LABELS[field] ?? field}:` : `${subtask}:`;
  });
}
