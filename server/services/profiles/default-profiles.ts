// The agent profiles a new installation starts with. Seeding creates missing ones and never
// overwrites a profile an admin has edited.
export const COORDINATION_TOOLS = ["share_data", "get_shared_data", "post_message", "read_messages"] as const;
export const WORKSPACE_TOOLS = ["list_files", "read_file", "write_file", "run_command", ...COORDINATION_TOOLS] as const;

export interface ProfileSeed {
  name: string;
  description: string;
  capabilities: string[];
  systemPrompt: string;
  allowedTools: string[];
  maxTurns: number;
  timeoutSeconds: number;
  memoryLimitMb: number;
  networkAllowed?: boolean;
  minAgents: number;
  maxAgents: number;
}

const BASE_PROMPT = `You are an agent in Baton, a fleet of Claude agents working on parts of a larger task.
You work inside the task's workspace with the tools you are given. Do the subtask you are handed, no more.
Outputs of the subtasks yours depends on are included in your instructions. When you are done, call the
finish tool once with a short summary and any structured output later subtasks need.`;

export const DEFAULT_PROFILES: ProfileSeed[] = [
  {
    name: "generalist",
    description: "Plans tasks, writes results and takes any subtask no specialist covers.",
    capabilities: ["read", "analyze", "write", "code", "shell"],
    systemPrompt: BASE_PROMPT,
    allowedTools: [...WORKSPACE_TOOLS],
    maxTurns: 16,
    timeoutSeconds: 600,
    memoryLimitMb: 768,
    minAgents: 2,
    maxAgents: 4,
  },
  {
    name: "analyst",
    description: "Reads files and data and reports what it finds; does not change the workspace.",
    capabilities: ["read", "analyze"],
    systemPrompt: `${BASE_PROMPT}\nYou read and analyse; you do not modify files.`,
    allowedTools: ["list_files", "read_file", ...COORDINATION_TOOLS],
    maxTurns: 12,
    timeoutSeconds: 300,
    memoryLimitMb: 512,
    minAgents: 2,
    maxAgents: 3,
  },
  {
    name: "researcher",
    description: "Looks things up outside the workspace: its commands may use the network. Does not change the workspace.",
    capabilities: ["read", "analyze", "research"],
    systemPrompt: `${BASE_PROMPT}\nYou gather facts, from the workspace and, through commands, from the network; cite where each fact came from.`,
    allowedTools: ["list_files", "read_file", "run_command", ...COORDINATION_TOOLS],
    maxTurns: 16,
    timeoutSeconds: 600,
    memoryLimitMb: 512,
    networkAllowed: true,
    minAgents: 0,
    maxAgents: 2,
  },
  {
    name: "tester",
    description: "Runs builds and test suites in the sandbox and reports what fails and why; does not edit files.",
    capabilities: ["read", "shell", "test"],
    systemPrompt: `${BASE_PROMPT}\nYou run the project's checks and report failures precisely, with the command and the relevant output.`,
    allowedTools: ["list_files", "read_file", "run_command", ...COORDINATION_TOOLS],
    maxTurns: 16,
    timeoutSeconds: 900,
    memoryLimitMb: 1024,
    minAgents: 0,
    maxAgents: 2,
  },
];
