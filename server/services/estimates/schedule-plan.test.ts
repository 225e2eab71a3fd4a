import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { schedulePlan, type SchedulableSubtask } from "./schedule-plan";

const step = (seconds: number, dependsOn: number[] = [], profile = "generalist", priority = 5): SchedulableSubtask => ({ seconds, dependsOn, profile, priority });
const agents = (entries: Record<string, number>) => new Map(Object.entries(entries));

/** Longest path through the graph: the time with unlimited agents. */
function criticalPath(subtasks: SchedulableSubtask[]): number {
  const finish: number[] = [];
  for (const [index, subtask] of subtasks.entries()) finish[index] = subtask.seconds + Math.max(0, ...subtask.dependsOn.map((dep) => finish[dep]!));
  return Math.max(0, ...finish);
}

describe("schedulePlan", () => {
  it("is the critical path when every branch has an agent", () => {
    // gather (20) → three branches (40, 60, 30) → join (10): 20 + 60 + 10
    const plan = [step(20), step(40, [0]), step(60, [0]), step(30, [0]), step(10, [1, 2, 3])];
    const schedule = schedulePlan(plan, agents({ generalist: 3 }));
    expect(schedule.totalSeconds).toBe(90);
    expect(schedule.startSeconds).toEqual([0, 20, 20, 20, 80]);
  });

  it("makes parallel branches of one profile wait for a free agent", () => {
    const plan = [step(20), step(40, [0]), step(60, [0]), step(30, [0]), step(10, [1, 2, 3])];
    // Two agents: the 40 and 60 start at 20; the 30 starts when the 40 ends (60) and ends at 90; join waits for the 60 (80) and the 30 (90).
    expect(schedulePlan(plan, agents({ generalist: 2 })).totalSeconds).toBe(100);
    expect(schedulePlan(plan, agents({ generalist: 1 })).totalSeconds).toBe(160);
  });

  it("runs subtasks of different profiles side by side", () => {
    const plan = [step(50, [], "analyst"), step(50, [], "generalist")];
    expect(schedulePlan(plan, agents({ analyst: 1, generalist: 1 })).totalSeconds).toBe(50);
  });

  it("starts the higher priority first when agents are short", () => {
    const schedule = schedulePlan([step(10, [], "generalist", 1), step(30, [], "generalist", 9)], agents({ generalist: 1 }));
    expect(schedule.startSeconds).toEqual([30, 0]);
  });

  it("assumes one agent for a profile with none", () => {
    expect(schedulePlan([step(10), step(10)], agents({})).totalSeconds).toBe(20);
  });

  it("refuses a cycle instead of looping", () => {
    expect(() => schedulePlan([step(10, [1]), step(10, [0])], agents({ generalist: 1 }))).toThrow(/cycle/);
  });

  it("lies between the critical path and the sum of all durations", () => {
    const dag = fc
      .array(fc.record({ seconds: fc.integer({ min: 1, max: 500 }), parents: fc.array(fc.nat(), { maxLength: 3 }), profile: fc.constantFrom("a", "b"), priority: fc.integer({ min: 1, max: 10 }) }), { minLength: 1, maxLength: 20 })
      // Dependencies only on earlier subtasks: always acyclic.
      .map((rows) => rows.map((row, index) => step(row.seconds, index === 0 ? [] : [...new Set(row.parents.map((p) => p % index))], row.profile, row.priority)));
    fc.assert(
      fc.property(dag, fc.integer({ min: 1, max: 4 }), (plan, count) => {
        const total = schedulePlan(plan, agents({ a: count, b: count })).totalSeconds;
        expect(total).toBeGreaterThanOrEqual(criticalPath(plan));
        expect(total).toBeLessThanOrEqual(plan.reduce((sum, s) => sum + s.seconds, 0));
        expect(schedulePlan(plan, agents({ a: 100, b: 100 })).totalSeconds).toBe(criticalPath(plan));
      }),
    );
  });
});
