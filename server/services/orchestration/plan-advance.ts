// The pure decision behind advance(): given the subtask graph's current statuses, what moves.
import type { SubtaskStatus } from "../../db/create-prisma";

export interface GraphNode {
  id: string;
  status: SubtaskStatus;
  optional: boolean;
  dependsOn: string[];
}

export type AdvanceDecision =
  | { outcome: "running"; toQueue: string[] }
  | { outcome: "finalize" }
  | { outcome: "failed"; failedId: string; toSkip: string[] };

const isSettledOk = (node: GraphNode) =>
  node.status === "SUCCEEDED" || (node.optional && (node.status === "FAILED" || node.status === "SKIPPED"));

export function planAdvance(nodes: GraphNode[]): AdvanceDecision {
  const failed = nodes.find((node) => node.status === "FAILED" && !node.optional);
  if (failed) {
    const toSkip = nodes.filter((n) => n.status === "PENDING" || n.status === "QUEUED").map((n) => n.id);
    return { outcome: "failed", failedId: failed.id, toSkip };
  }
  if (nodes.length > 0 && nodes.every(isSettledOk)) return { outcome: "finalize" };

  const byId = new Map(nodes.map((node) => [node.id, node]));
  const toQueue = nodes
    .filter((node) => node.status === "PENDING")
    .filter((node) =>
      node.dependsOn.every((depId) => {
        const dep = byId.get(depId);
        return dep !== undefined && isSettledOk(dep);
      }),
    )
    .map((node) => node.id);
  return { outcome: "running", toQueue };
}
