// Places a plan's subtasks as a layered graph with dagre: dependencies flow left to right on
// wide screens and top to bottom on narrow ones, and every edge points from a dependency to the
// subtask that needs it. Pure, so the layout is tested without a browser.
import dagre from "@dagrejs/dagre";

export interface GraphSubtask {
  id: string;
  index: number;
  dependsOn: readonly string[];
}

export type GraphDirection = "LR" | "TB";

export interface GraphBox {
  width: number;
  height: number;
}

export interface PlacedNode {
  id: string;
  /** Top-left corner, as React Flow positions nodes. */
  x: number;
  y: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

const SPACING: Record<GraphDirection, { nodesep: number; ranksep: number }> = {
  LR: { nodesep: 24, ranksep: 64 },
  TB: { nodesep: 16, ranksep: 48 },
};

export function layoutSubtaskGraph(subtasks: readonly GraphSubtask[], node: GraphBox, direction: GraphDirection): GraphLayout {
  const ordered = [...subtasks].sort((a, b) => a.index - b.index);
  const known = new Set(ordered.map((s) => s.id));
  // A dependency outside the plan (a bad row) would make dagre invent a node; drop its edge.
  const edges = ordered.flatMap((s) => s.dependsOn.filter((d) => known.has(d) && d !== s.id).map((d) => ({ id: `${d}->${s.id}`, source: d, target: s.id })));

  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: direction, ...SPACING[direction], marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const s of ordered) graph.setNode(s.id, { width: node.width, height: node.height });
  // Dagre breaks ordering ties by insertion, placing edges inserted later first; adding them in
  // reverse keeps siblings in plan order (#2 above #3) where crossings do not decide otherwise.
  for (const edge of [...edges].reverse()) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);

  const nodes = ordered.map((s) => {
    const { x, y } = graph.node(s.id);
    return { id: s.id, x: x - node.width / 2, y: y - node.height / 2 };
  });
  const width = nodes.reduce((max, n) => Math.max(max, n.x + node.width), 0);
  const height = nodes.reduce((max, n) => Math.max(max, n.y + node.height), 0);
  return { nodes, edges, width, height };
}
