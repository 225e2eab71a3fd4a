// Stage grouping of a plan's dependency graph for the task page.
import { describe, expect, it } from "vitest";
import { layerSubtasks } from "./layer-subtasks";

const s = (id: string, index: number, dependsOn: string[] = []) => ({ id, index, dependsOn });
const ids = (layers: { id: string }[][]) => layers.map((layer) => layer.map((x) => x.id));

describe("layerSubtasks", () => {
  it("puts independent subtasks in the first stage, in index order", () => {
    expect(ids(layerSubtasks([s("b", 1), s("a", 0), s("c", 2)]))).toEqual([["a", "b", "c"]]);
  });

  it("places a subtask one stage after its latest dependency", () => {
    const plan = [s("research", 0), s("outline", 1), s("draft", 2, ["research", "outline"]), s("review", 3, ["draft"]), s("facts", 4, ["research"])];
    expect(ids(layerSubtasks(plan))).toEqual([["research", "outline"], ["draft", "facts"], ["review"]]);
  });

  it("uses the longest path when dependencies sit at different depths", () => {
    const plan = [s("a", 0), s("b", 1, ["a"]), s("c", 2, ["a", "b"])];
    expect(ids(layerSubtasks(plan))).toEqual([["a"], ["b"], ["c"]]);
  });

  it("ignores unknown dependencies and survives a cycle", () => {
    expect(ids(layerSubtasks([s("a", 0, ["missing"])]))).toEqual([["a"]]);
    const cyclic = layerSubtasks([s("a", 0, ["b"]), s("b", 1, ["a"])]);
    expect(cyclic.flat().map((x) => x.id).sort()).toEqual(["a", "b"]);
  });

  it("returns no stages for no subtasks", () => {
    expect(layerSubtasks([])).toEqual([]);
  });
});
