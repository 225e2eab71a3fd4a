// Checks a plan a person edited during review with the same rules as a planned one
// (validate-plan.ts), but names subtasks the way the review page shows them — by number from 1
// and by title — so "the dependencies form a cycle" says which subtasks make it.
import { MAX_PLAN_SUBTASKS, type Plan } from "../../contracts/plan";
import { findCycle, validatePlan, type PlanValidation } from "../orchestration/validate-plan";

export function validatePlanEdit(plan: Plan): PlanValidation {
  const { subtasks } = plan;
  const name = (index: number) => `#${index + 1} "${subtasks[index]?.title ?? "?"}"`;
  if (subtasks.length === 0) return { ok: false, error: "The plan has no subtasks left; keep at least one, or discard the plan." };
  if (subtasks.length > MAX_PLAN_SUBTASKS) return { ok: false, error: `The plan has ${subtasks.length} subtasks; at most ${MAX_PLAN_SUBTASKS} are allowed.` };
  for (const [index, subtask] of subtasks.entries()) {
    for (const dep of subtask.dependsOn) {
      if (dep === index) return { ok: false, error: `${name(index)} depends on itself.` };
      if (!Number.isInteger(dep) || dep < 0 || dep >= subtasks.length) {
        return { ok: false, error: `${name(index)} depends on subtask #${dep + 1}, which is not in the plan (1–${subtasks.length}).` };
      }
    }
  }
  const cycle = findCycle(subtasks.map((s) => [...new Set(s.dependsOn)]));
  // findCycle walks from a subtask to what it depends on; people read "a needs b" the same way.
  if (cycle) return { ok: false, error: `The dependencies form a cycle: ${cycle.map(name).join(" needs ")}. Remove one of these dependencies.` };
  return validatePlan(plan);
}
