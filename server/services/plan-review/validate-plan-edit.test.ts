import { describe, expect, it } from "vitest";
import type { Plan } from "../../contracts/plan";
import { validatePlanEdit } from "./validate-plan-edit";

const subtask = (title: string, dependsOn: number[] = []) => ({ title, instructions: `Do ${title}.`, capabilities: [], dependsOn, priority: 5, optional: false });
const plan = (...subtasks: ReturnType<typeof subtask>[]): Plan => ({ subtasks });

describe("validatePlanEdit", () => {
  it("accepts an acyclic plan and drops repeated dependencies", () => {
    const result = validatePlanEdit(plan(subtask("Survey"), subtask("Report", [0, 0])));
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.plan.subtasks[1]!.dependsOn).toEqual([0]);
  });

  it("names the subtasks of a cycle by number and title", () => {
    const result = validatePlanEdit(plan(subtask("Survey"), subtask("Analyze", [0, 2]), subtask("Report", [1])));
    expect(result).toEqual({ ok: false, error: 'The dependencies form a cycle: #2 "Analyze" needs #3 "Report" needs #2 "Analyze". Remove one of these dependencies.' });
  });

  it("refuses a subtask that depends on itself", () => {
    expect(validatePlanEdit(plan(subtask("Survey"), subtask("Report", [1])))).toEqual({ ok: false, error: '#2 "Report" depends on itself.' });
  });

  it("refuses a dependency on a subtask that is not in the plan", () => {
    expect(validatePlanEdit(plan(subtask("Survey", [4])))).toEqual({ ok: false, error: '#1 "Survey" depends on subtask #5, which is not in the plan (1–1).' });
  });

  it("refuses an empty plan", () => {
    expect(validatePlanEdit(plan())).toMatchObject({ ok: false, error: expect.stringMatching(/no subtasks left/) });
  });

  it("refuses a plan where every subtask waits for another", () => {
    // A cycle is found first when there is one; without roots and without a cycle is impossible,
    // so a rootless plan is always reported as its cycle.
    expect(validatePlanEdit(plan(subtask("A", [1]), subtask("B", [0])))).toMatchObject({ ok: false, error: expect.stringMatching(/cycle: #1 "A" needs #2 "B" needs #1 "A"/) });
  });
});
