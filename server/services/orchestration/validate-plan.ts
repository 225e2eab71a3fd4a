// Checks a plan from the model before anything is stored: shape, index ranges, cycles, roots, size.
import { z } from "zod";
import { MAX_PLAN_SUBTASKS, ZPlanSchema, type Plan } from "../../contracts/plan";

export type PlanValidation = { ok: true; plan: Plan } | { ok: false; error: string };

export function validatePlan(input: unknown): PlanValidation {
  const parsed = ZPlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `The plan does not match the schema: ${z.prettifyError(parsed.error)}` };
  const plan = parsed.data;
  const count = plan.subtasks.length;

  if (count === 0) return { ok: false, error: "The plan has no subtasks; it needs at least one." };
  if (count > MAX_PLAN_SUBTASKS) {
    return { ok: false, error: `The plan has ${count} subtasks; at most ${MAX_PLAN_SUBTASKS} are allowed.` };
  }
  for (const [index, subtask] of plan.subtasks.entries()) {
    for (const dep of subtask.dependsOn) {
      if (dep < 0 || dep >= count) {
        return { ok: false, error: `Subtask ${index} depends on ${dep}, which is not a subtask index (0..${count - 1}).` };
      }
      if (dep === index) return { ok: false, error: `Subtask ${index} depends on itself.` };
    }
    subtask.dependsOn = [...new Set(subtask.dependsOn)];
  }
  if (!plan.subtasks.some((s) => s.dependsOn.length === 0)) {
    return { ok: false, error: "Every subtask has a dependency, so none can start; at least one must have none." };
  }
  const cycle = findCycle(plan.subtasks.map((s) => s.dependsOn));
  if (cycle) return { ok: false, error: `The dependencies form a cycle: ${cycle.join(" -> ")}.` };
  return { ok: true, plan };
}

/** Returns one cycle as a list of indices (first repeated at the end), or null. */
export function findCycle(dependsOn: number[][]): number[] | null {
  const state = new Array<"new" | "open" | "done">(dependsOn.length).fill("new");
  const stack: number[] = [];
  const visit = (node: number): number[] | null => {
    state[node] = "open";
    stack.push(node);
    for (const dep of dependsOn[node] ?? []) {
      if (state[dep] === "open") return [...stack.slice(stack.indexOf(dep)), dep];
      if (state[dep] === "new") {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state[node] = "done";
    return null;
  };
  for (let node = 0; node < dependsOn.length; node++) {
    if (state[node] === "new") {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}
