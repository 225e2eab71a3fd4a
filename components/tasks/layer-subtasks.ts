// Groups a plan's subtasks into stages: a subtask's stage is one past the latest stage of
// anything it depends on, so each stage can run once the stages before it are done.
export interface Layerable {
  id: string;
  index: number;
  dependsOn: readonly string[];
}

export function layerSubtasks<T extends Layerable>(subtasks: readonly T[]): T[][] {
  const byId = new Map(subtasks.map((s) => [s.id, s]));
  const depths = new Map<string, number>();
  const visiting = new Set<string>();

  const depthOf = (subtask: T): number => {
    const known = depths.get(subtask.id);
    if (known !== undefined) return known;
    // The server rejects cyclic plans; this only keeps a bad row from hanging the page.
    if (visiting.has(subtask.id)) return 0;
    visiting.add(subtask.id);
    let depth = 0;
    for (const id of subtask.dependsOn) {
      const dependency = byId.get(id);
      if (dependency) depth = Math.max(depth, depthOf(dependency) + 1);
    }
    visiting.delete(subtask.id);
    depths.set(subtask.id, depth);
    return depth;
  };

  const layers: T[][] = [];
  for (const subtask of [...subtasks].sort((a, b) => a.index - b.index)) {
    (layers[depthOf(subtask)] ??= []).push(subtask);
  }
  // Depths are contiguous from 0, but a cycle guard could in theory leave a hole.
  return layers.filter((layer) => layer !== undefined);
}
