// The profile form's state and its conversion to the fields profile.create/update accept. Numbers
// stay as typed text until submit, so a half-typed value is never silently replaced.
import type { ProfileFields } from "@/server/services/profiles/save-profile";
import { COORDINATION_TOOLS, WORKSPACE_TOOLS } from "@/server/services/profiles/default-profiles";

export type { ProfileFields };
export type ProfileFieldName = keyof ProfileFields;
export type ApprovalMode = ProfileFields["approvalMode"];
export type ProfileFieldErrors = Partial<Record<ProfileFieldName, string[]>>;

const NUMBER_FIELDS = [
  "maxTurns",
  "timeoutSeconds",
  "memoryLimitMb",
  "approvalTimeoutSeconds",
  "minAgents",
  "maxAgents",
  "maxConcurrentCalls",
] as const satisfies readonly ProfileFieldName[];
type NumberField = (typeof NUMBER_FIELDS)[number];

export type ProfileFormValues = Omit<ProfileFields, NumberField | "capabilities" | "model" | "allowedTools"> & {
  allowedTools: string[];
  /** One line, "read, analyze": easier to type than a tag widget and fine with a keyboard. */
  capabilities: string;
  /** Blank means the installation's default model. */
  model: string;
} & Record<NumberField, string>;

/** A new profile starts read-only, without approvals, and one agent that can grow to two. */
export const NEW_PROFILE_VALUES: ProfileFormValues = {
  name: "",
  description: "",
  capabilities: "",
  model: "",
  systemPrompt: "",
  allowedTools: ["list_files", "read_file", ...COORDINATION_TOOLS],
  maxTurns: "12",
  timeoutSeconds: "300",
  memoryLimitMb: "512",
  networkAllowed: false,
  approvalMode: "NONE",
  approvalTimeoutSeconds: "600",
  minAgents: "1",
  maxAgents: "2",
  maxConcurrentCalls: "",
};

/** "Read, analyze  research," → ["read", "analyze", "research"]: commas or spaces, no repeats. */
export function parseCapabilities(text: string): string[] {
  const words = text
    .split(/[\s,]+/)
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(words)];
}

/** A stored profile as the form edits it (stored tool names are plain strings). */
export type StoredProfile = Omit<ProfileFields, "allowedTools"> & { allowedTools: string[] };

export function toFormValues(profile: StoredProfile): ProfileFormValues {
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, profile[field] === null ? "" : String(profile[field])])) as Record<NumberField, string>;
  return {
    name: profile.name,
    description: profile.description,
    capabilities: profile.capabilities.join(", "),
    model: profile.model ?? "",
    systemPrompt: profile.systemPrompt,
    allowedTools: [...profile.allowedTools],
    networkAllowed: profile.networkAllowed,
    approvalMode: profile.approvalMode,
    ...numbers,
  };
}

export interface ProfileFieldsResult {
  fields: ProfileFields;
  /** The fields whose text is not a whole number, said in the form's words. */
  errors: ProfileFieldErrors;
}

/**
 * The request body, and the fields whose text is not a whole number. Such a field is sent as NaN,
 * which the server refuses, so one submit brings every other field's problem too: ranges and the
 * other rules are the server's to check, and its messages are the only ones a user sees for them.
 */
export function toProfileFields(values: ProfileFormValues): ProfileFieldsResult {
  const errors: ProfileFieldErrors = {};
  const numberOf = (field: NumberField): number | null => {
    const text = values[field].trim();
    if (text === "" && field === "maxConcurrentCalls") return null;
    if (/^-?\d+$/.test(text)) return Number(text);
    errors[field] = [text === "" ? "enter a whole number" : `"${text}" is not a whole number`];
    return NaN;
  };
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, numberOf(field)]));
  return {
    errors,
    fields: {
      name: values.name.trim(),
      description: values.description,
      capabilities: parseCapabilities(values.capabilities),
      model: values.model.trim() || null,
      systemPrompt: values.systemPrompt,
      // The form offers only the workspace tools; a name the server no longer knows cannot be kept.
      allowedTools: WORKSPACE_TOOLS.filter((tool) => values.allowedTools.includes(tool)),
      networkAllowed: values.networkAllowed,
      approvalMode: values.approvalMode,
      ...(numbers as Record<Exclude<NumberField, "maxConcurrentCalls">, number> & { maxConcurrentCalls: number | null }),
    },
  };
}
