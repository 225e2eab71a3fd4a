// A zero-overhead discrete-event simulation of how Baton schedules one task's subtasks on one
// profile's queue: a subtask becomes ready the instant its last dependency finishes (roots at
// time 0) and joins the queue, ordered as BullMQ orders prioritized jobs (higher subtask priority
// first, first-in first-out within a priority); whenever an agent is free it takes the head of
// the queue. Several subtasks finishing at the same instant are handled in index order, and the
// subtasks each one readies join the queue in index order, as advance() queues them.

import type { DagNode } from "../../agent/sim/read-markers";

export type { DagNode };

export interface Scheduled {
  /** Start and finish time of each node, by index. */
  starts: number[];
  finishes: number[];
  agentOf: number[];
  makespan: number;
}

export function simulateSchedule(nodes: DagNode[], agents: number): Scheduled {
  if (agents < 1) throw new Error("at least one agent");
  const waitingOn = nodes.map((node) => new Set(node.dependsOn).size);
  const dependents = nodes.map(() => [] as number[]);
  nodes.forEach((node, i) => new Set(node.dependsOn).forEach((d) => dependents[d]!.push(i)));

  const starts = nodes.map(() => Number.NaN);
  const finishes = nodes.map(() => Number.NaN);
  const agentOf = nodes.map(() => -1);
  const queue: { node: number; seq: number }[] = [];
  let seq = 0;
  const enqueue = (node: number) => queue.push({ node, seq: seq++ });
  const freeAgents = Array.from({ length: agents }, (_, i) => i);
  const running: { node: number; agent: number; finish: number }[] = [];

  nodes.forEach((_, i) => waitingOn[i] === 0 && enqueue(i));
  let now = 0;
  for (;;) {
    // Free agents take the head of the queue: priority first, then arrival; the lowest-numbered agent first.
    queue.sort((a, b) => nodes[b.node]!.priority - nodes[a.node]!.priority || a.seq - b.seq);
    freeAgents.sort((a, b) => a - b);
    while (freeAgents.length && queue.length) {
      const { node } = queue.shift()!;
      const agent = freeAgents.shift()!;
      starts[node] = now;
      agentOf[node] = agent;
      running.push({ node, agent, finish: now + nodes[node]!.workMs });
    }
    if (running.length === 0) break;
    now = Math.min(...running.map((r) => r.finish));
    const done = running.filter((r) => r.finish === now).sort((a, b) => a.node - b.node);
    for (const r of done) {
      running.splice(running.indexOf(r), 1);
      finishes[r.node] = now;
      freeAgents.push(r.agent);
      for (const next of dependents[r.node]!) if (--waitingOn[next]! === 0) enqueue(next);
    }
  }
  if (finishes.some(Number.isNaN)) throw new Error("the graph has a cycle or a dependency out of range");
  return { starts, finishes, agentOf, makespan: Math.max(0, ...finishes) };
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same graphs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DagShape {
  minNodes: number;
  maxNodes: number;
  minWorkMs: number;
  maxWorkMs: number;
}

/**
 * A random layered graph: 20–40 nodes (by default) spread over 3–8 levels, every node below the
 * first depending on one node of the level above and up to two more from any earlier level,
 * work times uniform in the range, priorities 3–7.
 */
export function randomDag(random: () => number, shape: DagShape = { minNodes: 20, maxNodes: 40, minWorkMs: 50, maxWorkMs: 400 }): DagNode[] {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const count = int(shape.minNodes, shape.maxNodes);
  const depth = Math.min(count, int(3, 8));
  // Every level gets one node, the rest go to random levels; nodes are numbered level by level.
  const sizes = Array.from({ length: depth }, () => 1);
  for (let i = depth; i < count; i++) sizes[int(0, depth - 1)]!++;
  const levels: number[][] = [];
  let next = 0;
  for (const size of sizes) levels.push(Array.from({ length: size }, () => next++));

  const nodes: DagNode[] = [];
  levels.forEach((level, l) => {
    for (const _node of level) {
      const deps = new Set<number>();
      if (l > 0) {
        const above = levels[l - 1]!;
        deps.add(above[int(0, above.length - 1)]!);
        const earlier = levels[l]![0]!;
        for (let extra = int(0, 2); extra > 0; extra--) deps.add(int(0, earlier - 1));
      }
      nodes.push({ workMs: int(shape.minWorkMs, shape.maxWorkMs), priority: int(3, 7), dependsOn: [...deps].sort((a, b) => a - b) });
    }
  });
  return nodes;
}

/** The graph as the simulated Claude's `[sim:dag=…]` marker. */
export function dagMarker(nodes: DagNode[]): string {
  return `[sim:dag=${nodes.map((n) => `${n.workMs}p${n.priority}${n.dependsOn.length ? `<${n.dependsOn.join(",")}` : ""}`).join(";")}]`;
}
