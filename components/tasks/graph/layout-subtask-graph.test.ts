// The subtask graph's layered layout: ranks follow dependencies, nodes never overlap.
import { describe, expect, it } from "vitest";
import { layoutSubtaskGraph, type GraphSubtask, type PlacedNode } from "./layout-subtask-graph";

const box = { width: 200, height: 80 };
const s = (id: string, index: number, dependsOn: string[] = []): GraphSubtask => ({ id, index, dependsOn });
// gather → three analyses → report: the shape most plans have.
const fanOut = [s("gather", 0), s("a1", 1, ["gather"]), s("a2", 2, ["gather"]), s("a3", 3, ["gather"]), s("report", 4, ["a1", "a2", "a3"])];
const at = (nodes: PlacedNode[], id: string) => nodes.find((n) => n.id === id)!;

function overlaps(a: PlacedNode, b: PlacedNode) {
  return a.x < b.x + box.width && b.x < a.x + box.width && a.y < b.y + box.height && b.y < a.y + box.height;
}

describe("layoutSubtaskGraph", () => {
  it("puts every dependency in an earlier column, left to right", () => {
    const { nodes } = layoutSubtaskGraph(fanOut, box, "LR");
    expect(at(nodes, "a1").x).toBeGreaterThan(at(nodes, "gather").x);
    expect(at(nodes, "report").x).toBeGreaterThan(at(nodes, "a2").x);
    // Siblings share a column and stack in plan order.
    const siblings = ["a1", "a2", "a3"].map((id) => at(nodes, id));
    expect(new Set(siblings.map((n) => n.x)).size).toBe(1);
    expect(siblings[0]!.y).toBeLessThan(siblings[1]!.y);
    expect(siblings[1]!.y).toBeLessThan(siblings[2]!.y);
  });

  it("stacks dependencies above their dependents top to bottom", () => {
    const { nodes } = layoutSubtaskGraph(fanOut, box, "TB");
    expect(at(nodes, "a3").y).toBeGreaterThan(at(nodes, "gather").y);
    expect(at(nodes, "report").y).toBeGreaterThan(at(nodes, "a3").y);
    expect(at(nodes, "a1").x).toBeLessThan(at(nodes, "a2").x);
  });

  it("keeps nodes apart and reports a bounding box that holds them all from the origin", () => {
    for (const direction of ["LR", "TB"] as const) {
      const { nodes, width, height } = layoutSubtaskGraph(fanOut, box, direction);
      for (const [i, a] of nodes.entries()) for (const b of nodes.slice(i + 1)) expect(overlaps(a, b), `${a.id} and ${b.id}`).toBe(false);
      expect(Math.min(...nodes.map((n) => n.x))).toBe(0);
      expect(Math.min(...nodes.map((n) => n.y))).toBe(0);
      expect(width).toBe(Math.max(...nodes.map((n) => n.x + box.width)));
      expect(height).toBe(Math.max(...nodes.map((n) => n.y + box.height)));
    }
  });

  it("keeps independent subtasks and two joins in plan order", () => {
    const { nodes } = layoutSubtaskGraph([s("x", 0), s("y", 1), s("z", 2, ["x", "y"]), s("p", 3, ["z"]), s("q", 4, ["z"])], box, "LR");
    expect(at(nodes, "x").y).toBeLessThan(at(nodes, "y").y);
    expect(at(nodes, "p").y).toBeLessThan(at(nodes, "q").y);
  });

  it("draws one edge per dependency, from the dependency to the dependent", () => {
    const { edges } = layoutSubtaskGraph(fanOut, box, "LR");
    expect(edges).toHaveLength(6);
    expect(edges).toContainEqual({ id: "a2->report", source: "a2", target: "report" });
  });

  it("ignores dependencies outside the plan and on itself", () => {
    const { nodes, edges } = layoutSubtaskGraph([s("a", 0, ["missing", "a"]), s("b", 1, ["a"])], box, "LR");
    expect(nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(edges).toEqual([{ id: "a->b", source: "a", target: "b" }]);
  });

  it("lays out an empty plan as nothing", () => {
    expect(layoutSubtaskGraph([], box, "LR")).toEqual({ nodes: [], edges: [], width: 0, height: 0 });
  });
});
