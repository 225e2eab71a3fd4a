// The makespan and dispatch benchmarks compare Baton with this reference, so it must do what it
// claims: run every node only after all of its dependencies have recorded their results, spend each
// node's simulated work in its model call, record each claim and result once, and queue readied
// nodes in Baton's priority order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../server/testing/test-deps";
import type { RawQueue } from "./raw-queue";
import { graphJobId, runReferenceGraph, startGraphReference } from "./reference-graph";
import type { DagNode } from "./schedule-sim";

const deps = createTestDeps("reference-graph");
let reference: Awaited<ReturnType<typeof startGraphReference>>;
let raw: RawQueue;

beforeAll(async () => {
  reference = await startGraphReference(deps, { workers: 2, lockDurationMs: 4000, stalledIntervalMs: 2000 });
  raw = reference.raw;
});

afterAll(async () => {
  await reference?.close();
  await deps.close();
});

const node = (workMs: number, dependsOn: number[] = [], priority = 5): DagNode => ({ workMs, priority, dependsOn });

/** The longest chain of work through the graph: no schedule finishes sooner. */
function criticalPath(nodes: DagNode[]): number {
  const finish: number[] = [];
  nodes.forEach((n, i) => (finish[i] = n.workMs + Math.max(0, ...n.dependsOn.map((d) => finish[d]!))));
  return Math.max(...finish);
}

describe("the reference graph runner", () => {
  it("runs each node after its dependencies' results are recorded, spending its work, with one claim and one result each", async () => {
    // A diamond under a root, a join of three, and a second root: on two workers.
    const nodes = [node(60), node(40, [0]), node(80, [0], 7), node(30, [1, 2]), node(50), node(20, [3, 4, 1])];
    const { run, makespanMs } = await runReferenceGraph(raw, deps, "diamond", nodes);

    const claimed = await Promise.all(nodes.map((_, i) => raw.message("claimed", graphJobId(run, i))));
    const recorded = await Promise.all(nodes.map((_, i) => raw.message("recorded", graphJobId(run, i))));
    nodes.forEach((n, i) => {
      for (const dependency of n.dependsOn) expect(claimed[i]!.atMs, `node ${i} after node ${dependency}`).toBeGreaterThan(recorded[dependency]!.atMs);
      // The model call in between spent the node's work.
      expect(recorded[i]!.atMs - claimed[i]!.atMs, `node ${i}'s work`).toBeGreaterThanOrEqual(n.workMs - 1);
    });
    expect(makespanMs).toBeGreaterThanOrEqual(criticalPath(nodes));

    const rows = await deps.db.subtask.findMany({ where: { id: { startsWith: run } }, orderBy: { index: "asc" }, select: { status: true, attempts: true, startedAt: true, finishedAt: true } });
    expect(rows).toHaveLength(nodes.length);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
      expect(row.finishedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt!.getTime());
    }
  });

  it("queues readied nodes with Baton's priorities: the lowest waits for a worker", async () => {
    // The root readies three nodes at once; the two workers take the higher priorities first.
    const nodes = [node(20), node(40, [0], 3), node(40, [0], 9), node(40, [0], 5)];
    const { run } = await runReferenceGraph(raw, deps, "priorities", nodes);
    const claimed = await Promise.all(nodes.map((_, i) => raw.message("claimed", graphJobId(run, i))));
    const recorded = await Promise.all(nodes.map((_, i) => raw.message("recorded", graphJobId(run, i))));
    expect(claimed[1]!.atMs).toBeGreaterThan(Math.min(recorded[2]!.atMs, recorded[3]!.atMs));
  });
});
