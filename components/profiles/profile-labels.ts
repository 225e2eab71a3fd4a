// What the profile form calls each field, each tool and each approval mode, in one place so the
// form, the error summary and the list say the same thing.
import type { WORKSPACE_TOOLS } from "@/server/services/profiles/default-profiles";
import type { ApprovalMode, ProfileFieldName } from "./profile-form-values";

export const FIELD_LABELS: Record<ProfileFieldName, string> = {
  name: "Name",
  description: "Description",
  capabilities: "Capabilities",
  model: "Model",
  systemPrompt: "System prompt",
  allowedTools: "Allowed tools",
  networkAllowed: "Network allowed",
  maxTurns: "Max turns",
  timeoutSeconds: "Time limit per subtask",
  memoryLimitMb: "Memory limit",
  approvalMode: "Approval mode",
  approvalTimeoutSeconds: "Approval timeout",
  minAgents: "Min agents",
  maxAgents: "Max agents",
  maxConcurrentCalls: "Max concurrent model calls",
};

export const TOOL_EXPLANATIONS: Record<(typeof WORKSPACE_TOOLS)[number], string> = {
  list_files: "See which files the task's workspace holds, with their sizes.",
  read_file: "Read a text file from the workspace.",
  write_file: "Create or overwrite files in the workspace.",
  run_command: "Run bash commands in the workspace, inside the sandbox.",
  share_data: "Leave a value for the other subtasks of the same task.",
  get_shared_data: "Read values the other subtasks shared.",
  post_message: "Post a message to the other subtasks; it also appears in the task's log.",
  read_messages: "Read the messages other subtasks posted.",
};

export const APPROVAL_MODES: { value: ApprovalMode; label: string; explanation: string }[] = [
  { value: "NONE", label: "None", explanation: "Agents act without asking." },
  { value: "COMMANDS", label: "Commands", explanation: "Every run_command waits until a person approves it." },
  { value: "WRITES", label: "Commands and writes", explanation: "Commands and file writes wait until a person approves them." },
];

export const APPROVAL_LABELS = Object.fromEntries(APPROVAL_MODES.map((mode) => [mode.value, mode.label])) as Record<ApprovalMode, string>;
