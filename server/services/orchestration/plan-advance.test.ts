import { describe, expect, it } from "vitest";
import type { SubtaskStatus } from "../../db/create-prisma";
import { planAdvance, type GraphNode } from "./plan-advance";

const node = (id: string, status: SubtaskStatus, dependsOn: string[] = [], optional = false): GraphNode => ({ id, status, dependsOn, optional });

describe("planAdvance", () => {
  it("queues the roots of a fresh graph", () => {
    expect(planAdvance([node("a", "PENDING"), node("b", "PENDING", ["a"]), node("c", "PENDING")])).toEqual({ outcome: "running", toQueue: ["a", "c"] });
  });

  it("queues a join only when all its dependencies succeeded", () => {
    const graph = [node("a", "SUCCEEDED"), node("b", "SUCCEEDED", ["a"]), node("c", "RUNNING", ["a"]), node("d", "PENDING", ["b", "c"])];
    expect(planAdvance(graph)).toEqual({ outcome: "running", toQueue: [] });
    graph[2]!.status = "SUCCEEDED";
    expect(planAdvance(graph)).toEqual({ outcome: "running", toQueue: ["d"] });
  });

  it("does not queue again what is already queued or running", () => {
    expect(planAdvance([node("a", "QUEUED"), node("b", "RUNNING")])).toEqual({ outcome: "running", toQueue: [] });
  });

  it("finalizes when everything succeeded or optional parts failed", () => {
    expect(planAdvance([node("a", "SUCCEEDED"), node("b", "FAILED", [], true)])).toEqual({ outcome: "finalize" });
  });

  it("lets dependents of a failed optional subtask run", () => {
    expect(planAdvance([node("a", "FAILED", [], true), node("b", "PENDING", ["a"])])).toEqual({ outcome: "running", toQueue: ["b"] });
  });

  it("fails on a required failure and skips what has not started", () => {
    const graph = [node("a", "FAILED"), node("b", "QUEUED"), node("c", "RUNNING"), node("d", "PENDING", ["a"])];
    expect(planAdvance(graph)).toEqual({ outcome: "failed", failedId: "a", toSkip: ["b", "d"] });
  });

  it("never finalizes an empty graph", () => {
    expect(planAdvance([])).toEqual({ outcome: "running", toQueue: [] });
  });
});
