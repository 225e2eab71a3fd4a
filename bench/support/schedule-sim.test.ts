import { describe, expect, it } from "vitest";
import { dagNodes } from "../../agent/sim/read-markers";
import { dagMarker, randomDag, seededRandom, simulateSchedule, type DagNode } from "./schedule-sim";

const node = (workMs: number, dependsOn: number[] = [], priority = 5): DagNode => ({ workMs, priority, dependsOn });

describe("simulateSchedule", () => {
  it("schedules a small graph on two agents as worked out by hand", () => {
    // t=0: roots queue as 2 (priority 9), 0, 1; agent 0 takes 2, agent 1 takes 0.
    // t=30: agent 0 takes 1. t=80: 1 readies 3, agent 0 takes it. t=100: 0 is done, 4 still waits on 3.
    // t=120: 3 readies 4; agents 0 and 1 are free and the lower-numbered one takes it; done at 180.
    const nodes = [node(100), node(50), node(30, [], 9), node(40, [1]), node(60, [0, 3])];
    const result = simulateSchedule(nodes, 2);
    expect(result.starts).toEqual([0, 30, 0, 80, 120]);
    expect(result.finishes).toEqual([100, 80, 30, 120, 180]);
    expect(result.agentOf).toEqual([1, 0, 0, 0, 0]);
    expect(result.makespan).toBe(180);
  });

  it("takes equal priorities first in, first out and higher priorities first", () => {
    // One agent: root 0 runs first; at 10 it readies 2 (priority 5) and 3 (priority 8) behind root 1
    // (priority 5): 3 jumps the queue, then 1 and 2 go in the order they arrived.
    const nodes = [node(10), node(10), node(5, [0]), node(5, [0], 8)];
    const result = simulateSchedule(nodes, 1);
    expect(result.starts).toEqual([0, 15, 25, 10]);
    expect(result.makespan).toBe(30);
  });

  it("is bounded by the critical path and by total work over the agents", () => {
    const nodes = randomDag(seededRandom(7));
    const total = nodes.reduce((sum, n) => sum + n.workMs, 0);
    const longest: number[] = [];
    nodes.forEach((n, i) => (longest[i] = n.workMs + Math.max(0, ...n.dependsOn.map((d) => longest[d]!))));
    for (const agents of [1, 3, 64]) {
      const { makespan } = simulateSchedule(nodes, agents);
      expect(makespan).toBeGreaterThanOrEqual(Math.max(Math.max(...longest), total / agents));
    }
    expect(simulateSchedule(nodes, 1).makespan).toBe(total);
    expect(simulateSchedule(nodes, 64).makespan).toBe(Math.max(...longest));
  });
});

describe("randomDag", () => {
  it("gives the same graph for the same seed, with dependencies on earlier nodes only", () => {
    const a = randomDag(seededRandom(42));
    expect(randomDag(seededRandom(42))).toEqual(a);
    expect(a.length).toBeGreaterThanOrEqual(20);
    expect(a.length).toBeLessThanOrEqual(40);
    expect(a.every((n, i) => n.dependsOn.every((d) => d < i) && n.workMs >= 50 && n.workMs <= 400)).toBe(true);
  });

  it("writes a marker the simulated Claude reads back as the same graph", () => {
    const nodes = randomDag(seededRandom(3));
    expect(dagNodes(`Run it ${dagMarker(nodes)}`)).toEqual(nodes);
  });
});
