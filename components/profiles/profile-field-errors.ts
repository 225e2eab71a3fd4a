// Turns a refused profile.create/update into messages per form field. The server sends
// `data.fieldErrors` keyed by the top-level input field, which for update is "profile" as a
// whole, so the field is also read from the message ("profile.maxAgents: must be …; name: …").
import type { ProfileFieldErrors, ProfileFieldName } from "./profile-form-values";

const PROFILE_FIELDS: ReadonlySet<string> = new Set<ProfileFieldName>([
  "name",
  "description",
  "capabilities",
  "model",
  "systemPrompt",
  "allowedTools",
  "maxTurns",
  "timeoutSeconds",
  "memoryLimitMb",
  "networkAllowed",
  "approvalMode",
  "approvalTimeoutSeconds",
  "minAgents",
  "maxAgents",
  "maxConcurrentCalls",
]);

const isProfileField = (key: string): key is ProfileFieldName => PROFILE_FIELDS.has(key);

interface ErrorData {
  code?: string;
  fieldErrors?: Record<string, string[] | undefined> | null;
}

function errorData(error: unknown): ErrorData {
  if (typeof error !== "object" || error === null || !("data" in error)) return {};
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? (data as ErrorData) : {};
}

export function profileFieldErrors(error: unknown): ProfileFieldErrors {
  if (!error) return {};
  const data = errorData(error);
  const message = error instanceof Error ? error.message : "";
  const errors: ProfileFieldErrors = {};
  const add = (field: ProfileFieldName, text: string) => {
    const list = (errors[field] ??= []);
    if (!list.includes(text)) list.push(text);
  };

  // A duplicate name is a conflict, not a validation error; it still belongs next to the name.
  if (data.code === "CONFLICT") {
    add("name", message);
    return errors;
  }
  for (const [field, messages] of Object.entries(data.fieldErrors ?? {})) {
    if (isProfileField(field)) for (const text of messages ?? []) add(field, text);
  }
  if (data.code === "BAD_REQUEST") {
    for (const part of message.split("; ")) {
      const match = /^(?:profile\.)?([A-Za-z]+)(?:\.\d+)*: (.+)$/s.exec(part);
      const [, field, text] = match ?? [];
      if (field && text && isProfileField(field)) add(field, text);
    }
  }
  return errors;
}
