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
    minAgents: 1,
    maxAgents: 3,
  },
  {
    name: "writer",
    description: "Turns findings into documents: reports, summaries, release notes. Writes files, runs no commands.",
    capabilities: ["read", "write"],
    systemPrompt: `${BASE_PROMPT}\nYou write clear, well-structured documents in markdown; you do not run commands.`,
    allowedTools: ["list_files", "read_file", "write_file", ...COORDINATION_TOOLS],
    maxTurns: 12,
    timeoutSeconds: 300,
    memoryLimitMb: 512,
    minAgents: 1,
    maxAgents: 2,
  },
  {
    name: "coder",
    description: "Changes code and runs commands (tests, builds) in the sandbox.",
    capabilities: ["read", "write", "code", "shell"],
    systemPrompt: `${BASE_PROMPT}\nYou change code carefully and check your work by running the relevant commands.`,
    allowedTools: [...WORKSPACE_TOOLS],
    maxTurns: 20,
    timeoutSeconds: 900,
    memoryLimitMb: 1024,
    minAgents: 0,
    maxAgents: 2,
  },
];
