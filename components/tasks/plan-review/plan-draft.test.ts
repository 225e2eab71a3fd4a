import { describe, expect, it } from "vitest";
import { capabilityChoices, describeBasis, describePlanError, draftFromSaved, isChanged, newDraftSubtask, removeSubtask, toEditRequest, toggleCapability, toggleDependency, updateSubtask, type DraftSubtask } from "./plan-draft";

type Saved = Parameters<typeof draftFromSaved>[0][number];
const saved = (id: string, index: number, dependsOn: string[] = []): Saved =>
  ({ id, index, title: `Step ${id}`, instructions: `Do ${id}.`, capabilities: ["read"], priority: 5, optional: false, estimateSeconds: 20, dependsOn }) as unknown as Saved;

// survey → two analyses → report
const stored = [saved("a", 0), saved("b", 1, ["a"]), saved("c", 2, ["a"]), saved("d", 3, ["b", "c"])];

describe("the plan draft", () => {
  it("sends the stored plan back unchanged, dependencies as positions", () => {
    const draft = draftFromSaved(stored);
    expect(toEditRequest(draft).map((s) => s.dependsOn)).toEqual([[], [0], [0], [1, 2]]);
    expect(toEditRequest(draft)[0]).toEqual({ title: "Step a", instructions: "Do a.", capabilities: ["read"], priority: 5, optional: false, estimateSeconds: 20, dependsOn: [] });
    expect(isChanged(draft, stored)).toBe(false);
  });

  it("removes a subtask and the dependencies on it, renumbering the rest", () => {
    const draft = removeSubtask(draftFromSaved(stored), "b");
    expect(toEditRequest(draft).map((s) => [s.title, s.dependsOn])).toEqual([
      ["Step a", []],
      ["Step c", [0]],
      ["Step d", [1]],
    ]);
    expect(isChanged(draft, stored)).toBe(true);
  });

  it("adds a subtask after the last one and edits it", () => {
    let draft: DraftSubtask[] = draftFromSaved(stored);
    draft = [...draft, newDraftSubtask("new-1", draft)];
    draft = updateSubtask(draft, "new-1", { title: "Check links", instructions: "Check every link." });
    const added = toEditRequest(draft)[4]!;
    expect(added).toEqual({ title: "Check links", instructions: "Check every link.", capabilities: [], priority: 5, optional: false, dependsOn: [3] });
    expect(draft[4]!.saved).toBeNull();
  });

  it("toggles a dependency on and off", () => {
    const on = toggleDependency(draftFromSaved(stored), "a", "d");
    expect(toEditRequest(on)[0]!.dependsOn).toEqual([3]);
    const off = toggleDependency(on, "a", "d");
    expect(isChanged(off, stored)).toBe(false);
  });

  it("toggles what a subtask needs, and offers every capability a profile has", () => {
    const on = toggleCapability(draftFromSaved(stored), "a", "shell");
    expect(on[0]!.capabilities).toEqual([...stored[0]!.capabilities, "shell"].sort());
    expect(isChanged(toggleCapability(on, "a", "shell"), stored)).toBe(false);
    expect(capabilityChoices([{ capabilities: ["read", "shell"] }, { capabilities: ["analyze", "read"] }], on)).toEqual(
      [...new Set(["analyze", "read", "shell", ...stored.flatMap((s) => s.capabilities)])].sort(),
    );
  });

  it("says what an estimate rests on", () => {
    expect(describeBasis("similar", 3)).toBe("from 3 similar subtasks");
    expect(describeBasis("profile", 1)).toBe("from 1 earlier subtask of this profile");
    expect(describeBasis("default", 0)).toBe("no history yet: a default");
  });

  it("names a refused subtask as the editor numbers it", () => {
    expect(describePlanError("subtasks.0.title: is empty; subtasks.2.dependsOn.1: must be at least 0; subtasks.1: cycle")).toBe(
      "Subtask #1, title: is empty; Subtask #3, depends on: must be at least 0; Subtask #2: cycle",
    );
    expect(describePlanError("subtasks: at most 50")).toBe("subtasks: at most 50");
  });
});
