import { describe, expect, it } from "vitest";
import { MAX_PLAN_SUBTASKS } from "../../contracts/plan";
import { findCycle, validatePlan } from "./validate-plan";

const step = (dependsOn: number[] = []) => ({ title: "t", instructions: "i", capabilities: [], dependsOn });

describe("validatePlan", () => {
  it("accepts a diamond and fills defaults", () => {
    const result = validatePlan({ subtasks: [step(), step([0]), step([0]), step([1, 2, 1])] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.subtasks[3]!.dependsOn).toEqual([1, 2]);
      expect(result.plan.subtasks[0]!.priority).toBe(5);
    }
  });

  it.each([
    [{ subtasks: [] }, /no subtasks/],
    [{ subtasks: Array.from({ length: MAX_PLAN_SUBTASKS + 1 }, () => step()) }, new RegExp(`at most ${MAX_PLAN_SUBTASKS} are allowed`)],
    [{ subtasks: [step(), step([2])] }, /depends on 2, which is not a subtask index \(0\.\.1\)/],
    [{ subtasks: [step(), step([-1])] }, /depends on -1/],
    [{ subtasks: [step(), step([1])] }, /Subtask 1 depends on itself/],
    [{ subtasks: [step([1]), step([0])] }, /at least one must have none/],
    [{ subtasks: [step(), step([0, 2]), step([1])] }, /cycle: 1 -> 2 -> 1/],
    [{ subtasks: [{ title: "", instructions: "i" }] }, /does not match the schema/],
    ["not a plan", /does not match the schema/],
  ])("rejects %#", (input, message) => {
    const result = validatePlan(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe("findCycle", () => {
  it("finds none in a DAG and one in a loop", () => {
    expect(findCycle([[], [0], [0], [1, 2]])).toBeNull();
    expect(findCycle([[2], [0], [1]])).toEqual([0, 2, 1, 0]);
  });
});
