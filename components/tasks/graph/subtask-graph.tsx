"use client";
// The plan as a live dependency graph (React Flow, laid out by dagre). Wide screens get a
// left-to-right graph fitted into a pannable, zoomable frame; phones get a top-to-bottom graph at
// full size that scrolls like the page, so touch gestures never fight the canvas. Nodes are
// focusable; Enter or Space selects one, Escape or a click on the background clears it.
import "@xyflow/react/dist/style.css";
import { Controls, MarkerType, ReactFlow, type Edge, type NodeChange } from "@xyflow/react";
import { useLayoutEffect, useMemo, useRef } from "react";
import { useMediaQuery } from "@/components/hooks/use-media-query";
import { statusLabel } from "@/components/status-badge";
import type { SubtaskView } from "@/components/tasks/subtask-view";
import { layoutSubtaskGraph } from "./layout-subtask-graph";
import { NODE_SIZE, SubtaskNode, type SubtaskNodeType } from "./subtask-node";

const nodeTypes = { subtask: SubtaskNode };
const PAD = 24;
const MAX_FRAME_HEIGHT = 520;
const MIN_FRAME_HEIGHT = 200;
const EDGE_COLOUR = "var(--subtle)";

export function SubtaskGraph({ subtasks, selectedId, onSelect }: { subtasks: SubtaskView[]; selectedId: string | null; onSelect: (id: string | null) => void }) {
  const wide = useMediaQuery("(min-width: 640px)");
  const vertical = !wide;
  // The layout depends only on the plan's shape; status changes recolour nodes in place.
  const shape = subtasks.map((s) => `${s.id}<${s.dependsOn.join(",")}`).join("|");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the plan's shape, not by every refetch
  const layout = useMemo(() => layoutSubtaskGraph(subtasks, NODE_SIZE, vertical ? "TB" : "LR"), [shape, vertical]);

  const nodes = useMemo(() => {
    const byId = new Map(subtasks.map((s) => [s.id, s]));
    return layout.nodes.flatMap((placed): SubtaskNodeType[] => {
      const subtask = byId.get(placed.id);
      if (!subtask) return [];
      return [
        {
          id: placed.id,
          type: "subtask",
          position: { x: placed.x, y: placed.y },
          data: { subtask, vertical },
          selected: placed.id === selectedId,
          // The size is fixed, so fitting needs no measurement; passing it back also keeps the
          // measured handle positions when a status change hands React Flow new node objects.
          ...NODE_SIZE,
          measured: NODE_SIZE,
          ariaLabel: `Subtask ${subtask.index + 1}: ${subtask.title}. ${statusLabel(subtask.status)}.`,
        },
      ];
    });
  }, [layout, subtasks, selectedId, vertical]);

  const edges = useMemo(() => {
    const status = new Map(subtasks.map((s) => [s.id, s.status]));
    return layout.edges.map(
      (edge): Edge => ({
        ...edge,
        // Work flowing: the dependency is done and its dependent is running on it now.
        animated: status.get(edge.target) === "RUNNING",
        style: { stroke: EDGE_COLOUR, strokeWidth: 1.5 },
        markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_COLOUR, width: 16, height: 16 },
        focusable: false,
        selectable: false,
      }),
    );
  }, [layout, subtasks]);

  // On a phone the frame opens on the middle of the graph, where a top-down plan's root sits.
  const frame = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = frame.current;
    if (el && vertical) el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2;
  }, [shape, vertical]);

  const onNodesChange = (changes: NodeChange<SubtaskNodeType>[]) => {
    const selections = changes.flatMap((change) => (change.type === "select" ? [change] : []));
    if (selections.length === 0) return;
    const picked = selections.find((change) => change.selected);
    onSelect(picked ? picked.id : null);
  };

  const width = layout.width + PAD * 2;
  const height = layout.height + PAD * 2;
  return (
    <div ref={frame} className={wide ? "" : "overflow-x-auto"} data-testid="subtask-graph">
      <div
        style={wide ? { height: Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, height)) } : { width, minWidth: "100%", height }}
        className="[--xy-background-color:var(--surface-muted)] [--xy-controls-button-background-color:var(--surface)] [--xy-controls-button-background-color-hover:var(--surface-muted)] [--xy-controls-button-border-color:var(--border)] [--xy-controls-button-color:var(--foreground)] [--xy-controls-button-color-hover:var(--foreground)] [--xy-edge-stroke:var(--border-strong)] [--xy-node-border-radius:0.375rem]"
      >
        <ReactFlow<SubtaskNodeType>
          // A new shape or orientation starts from a fresh fit.
          key={`${shape}:${vertical}`}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          fitView
          fitViewOptions={wide ? { padding: 0.1, maxZoom: 1, minZoom: 0.35 } : { padding: 0, minZoom: 1, maxZoom: 1 }}
          minZoom={0.25}
          maxZoom={2}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          panActivationKeyCode={null}
          zoomActivationKeyCode={null}
          panOnDrag={wide}
          zoomOnScroll={wide}
          zoomOnPinch={wide}
          zoomOnDoubleClick={wide}
          preventScrolling={wide}
          ariaLabelConfig={{ "node.a11yDescription.default": "Press Enter or Space to inspect this subtask, Escape to clear the selection." }}
          aria-label="Subtask dependency graph"
          className="rounded-b-lg"
        >
          {wide ? <Controls showInteractive={false} position="bottom-left" /> : null}
        </ReactFlow>
      </div>
    </div>
  );
}
