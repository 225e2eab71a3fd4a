import type { Reply } from "./api-types";
import { planSubtasks, type PlannedSubtask } from "./plan-subtasks";
import type { Conversation } from "./read-conversation";
import { hasMarker } from "./read-markers";
import { extractTask } from "./read-sections";

function describe(plan: PlannedSubtask[]): string {
  const parallel = plan.filter((s) => s.dependsOn.length === 1 && s.dependsOn[0] === 0).length;
  const shape =
    parallel > 1
      ? `First I'll survey the workspace, then ${parallel} independent analysis steps can run in parallel, and a final step combines their findings.`
      : "Each step builds on the previous one, so they run one after another.";
  return `I'll split this into ${plan.length} subtasks. ${shape} Here is the plan.`;
}

export function replyToPlanner(conversation: Conversation): Reply {
  const planResults = conversation.toolResults.filter((r) => r.toolName === "submit_plan" || r.toolName === undefined);
  const last = planResults.at(-1);
  if (last && !last.isError) {
    return {
      blocks: [{ type: "text", text: "The plan has been accepted. The subtasks can start now; I'll be here when they finish." }],
      stopReason: "end_turn",
    };
  }

  const prompt = conversation.firstUserText;
  const rejectedBefore = conversation.toolResults.some((r) => r.isError);
  const cyclic =
    hasMarker(prompt, "invalid-plan-always") || (hasMarker(prompt, "invalid-plan") && !rejectedBefore);
  const plan = planSubtasks(extractTask(prompt), cyclic);
  const preface = last?.isError
    ? `The previous plan was rejected: ${last.text.trim() || "no reason given"}. Let me fix it. `
    : "";

  return {
    blocks: [
      { type: "text", text: preface + describe(plan) },
      { type: "tool_use", name: "submit_plan", input: { subtasks: plan } },
    ],
    stopReason: "tool_use",
  };
}
