import { chainLength, commandMarkers, dagNodes, hasMarker, wideCount, withoutPlannerMarkers, withoutTags } from "./read-markers";

export interface PlannedSubtask {
  title: string;
  instructions: string;
  capabilities: string[];
  dependsOn: number[];
  priority?: number;
  estimateSeconds?: number;
  optional?: boolean;
}

const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** "the largest file", "the 2nd largest file", … — the wording the acting side reports back. */
export function whichFile(item: number): string {
  if (item <= 1) return "the largest file";
  const teen = item % 100 >= 11 && item % 100 <= 13;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" }) as Record<number, string>)[item % 10] ?? "th";
  return `the ${item}${suffix} largest file`;
}

/** "the three largest files" → 3; the sim fans out into 2–4 branches unless told otherwise. */
export function branchCount(prompt: string): number {
  const text = withoutTags(prompt).toLowerCase();
  const word = new RegExp(`\\b(${NUMBER_WORDS.join("|")}|\\d+)\\b`).exec(text)?.[1];
  if (!word) return 3;
  const value = NUMBER_WORDS.includes(word) ? NUMBER_WORDS.indexOf(word) + 1 : Number(word);
  return Math.min(4, Math.max(2, value));
}

function gather(task: string): PlannedSubtask {
  return {
    title: "Survey the workspace",
    instructions: `List every file in the workspace with its size and read the largest one, so later steps know what is there. Overall task: "${task}" [step=gather]`,
    capabilities: ["read"],
    dependsOn: [],
    priority: 10,
    estimateSeconds: 20,
  };
}

function branch(item: number, dependsOn: number[], task: string): PlannedSubtask {
  const which = whichFile(item);
  return {
    title: `Analyze ${which}`,
    instructions: `Read ${which} in the workspace and note its name, size, line count and first heading. This covers one part of the overall task: "${task}" [item=${item}]`,
    capabilities: ["read", "analyze"],
    dependsOn,
    priority: 5,
    estimateSeconds: 40,
  };
}

function join(dependsOn: number[], task: string): PlannedSubtask {
  return {
    title: "Write the combined report",
    instructions: `Combine the findings of ${dependsOn.length === 1 ? "the previous step" : `the ${dependsOn.length} earlier steps`} into one markdown report saved as report.md. Overall task: "${task}" [step=join]`,
    capabilities: ["write"],
    dependsOn,
    priority: 1,
    estimateSeconds: 30,
  };
}

/** `[sim:collide]`: two independent subtasks that both write notes.md straight away. */
function collidingWriters(task: string): PlannedSubtask[] {
  return [1, 2].map((part) => ({
    title: `Write the shared notes (part ${part})`,
    instructions: `Write part ${part} of the notes into notes.md. Overall task: "${task}" [item=${part}] [sim:write=notes.md]`,
    capabilities: ["write"],
    dependsOn: [],
  }));
}

export function planSubtasks(prompt: string, cyclic: boolean): PlannedSubtask[] {
  const task = withoutPlannerMarkers(prompt) || "the requested task";
  const wide = wideCount(prompt);
  let plan: PlannedSubtask[];
  const chain = chainLength(prompt);
  const dag = dagNodes(prompt);
  if (dag) {
    // Work happens in one model call of the given length; every node needs the generalist ("code").
    plan = dag.map((node, i) => ({
      title: `Node ${i + 1} of ${dag.length}`,
      instructions: `Do node ${i + 1} of the graph. [item=1] [sim:work=${node.workMs}] [sim:instant]`,
      capabilities: ["code"],
      dependsOn: node.dependsOn,
      priority: node.priority,
    }));
  } else if (hasMarker(prompt, "collide")) {
    plan = collidingWriters(task);
  } else if (chain !== undefined) {
    plan = Array.from({ length: chain }, (_, i) => ({
      title: `Step ${i + 1} of ${chain}`,
      // [step=N] names the step for markers aimed at one of them ([sim:agent-drop=1:step=2]). The
      // task's text is not repeated: a long chain's plan must fit in one answer's max_tokens, and
      // each step's prompt carries the task anyway.
      instructions: `Do step ${i + 1} of the chain. [item=1] [step=${i + 1}]`,
      // A step that runs commands needs a profile that may run them (and change the workspace).
      capabilities: commandMarkers(prompt).length > 0 ? ["read", "shell", "write"] : ["read"],
      dependsOn: i === 0 ? [] : [i - 1],
    }));
  } else if (wide === undefined && /\b(chain|sequential)\b/i.test(prompt)) {
    plan = [gather(task), branch(1, [0], task), join([1], task)];
  } else {
    const k = wide ?? branchCount(prompt);
    const branches = Array.from({ length: k }, (_, i) => branch(i + 1, [0], task));
    plan = [gather(task), ...branches, join(branches.map((_, i) => i + 1), task)];
  }
  if (cyclic && plan[0] && plan[1]) {
    plan[0] = { ...plan[0], dependsOn: [1] };
    plan[1] = { ...plan[1], dependsOn: [0] };
  }
  return plan;
}
