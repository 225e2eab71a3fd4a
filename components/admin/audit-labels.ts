// How audit events read on the audit page: a label per action, the target in words, and the
// event's data as one compact line. Events written before a field existed, or by actions added
// later, fall back to their raw values instead of failing.
import { shortId } from "@/components/format/short-id";
import { ROLE_LABELS } from "@/server/auth/roles";
import { AUDIT_ACTIONS, type AuditAction } from "@/server/services/audit/record-audit";
import { formatCalendarDate } from "./calendar-date";

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "auth.signed_in": "Signed in",
  "auth.refused": "Sign-in refused",
  "member.joined": "Joined",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "member.restored": "Member restored",
  "invitation.created": "Invited",
  "invitation.revoked": "Invitation revoked",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "share_link.created": "Share link created",
  "share_link.revoked": "Share link revoked",
  "agents.scaled": "Agents scaled",
  "profile.created": "Profile created",
  "profile.updated": "Profile edited",
  "approval.approved": "Agent request approved",
  "approval.denied": "Agent request denied",
  "approval.expired": "Agent request expired",
  "price.updated": "Model price set",
  "price.removed": "Model price removed",
  "settings.updated": "Budget settings changed",
  "task.budget_raised": "Task budget raised",
  "task.plan_edited": "Plan edited",
  "task.plan_approved": "Plan approved",
  "task.plan_discarded": "Plan discarded",
};

export const isAuditAction = (value: string | null): value is AuditAction => value !== null && (AUDIT_ACTIONS as readonly string[]).includes(value);

export const actionLabel = (action: string) => (isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action);

export interface AuditEventLike {
  action: string;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
}

type Data = Record<string, unknown>;

const asData = (data: unknown): Data => (data && typeof data === "object" && !Array.isArray(data) ? (data as Data) : {});
const text = (value: unknown) => (typeof value === "string" && value ? value : null);
const roleLabel = (value: unknown) => (typeof value === "string" && value in ROLE_LABELS ? ROLE_LABELS[value as keyof typeof ROLE_LABELS] : String(value));

const REFUSAL_REASONS: Record<string, string> = { not_invited: "not invited", disabled: "removed member" };

function expiryText(value: unknown): string | null {
  if (value === null) return "never expires";
  const date = typeof value === "string" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? `expires ${formatCalendarDate(date)}` : null;
}

const TARGET_NOUNS: Record<string, string> = { user: "member", invitation: "invitation", api_token: "token", task: "task" };

export interface AuditTarget {
  text: string;
  /** The full id, for a tooltip. */
  title?: string;
  href?: string;
}

/** The thing acted on, by the name people know it by when the event recorded one. */
export function describeTarget(event: AuditEventLike): AuditTarget | null {
  const data = asData(event.data);
  const email = text(data.email);
  const name = text(data.name);
  if (event.targetType === "task" && event.targetId) return { text: `task ${shortId(event.targetId)}`, title: event.targetId, href: `/tasks/${event.targetId}` };
  if (event.targetType === "api_token" && name) return { text: `“${name}”`, title: event.targetId ?? undefined };
  if (email) return { text: email, title: event.targetId ?? undefined };
  // A join is recorded by the person joining, so the actor is the target.
  if (event.action === "member.joined" && event.actorEmail) return { text: event.actorEmail, title: event.targetId ?? undefined };
  if (event.targetType && event.targetId) return { text: `${TARGET_NOUNS[event.targetType] ?? event.targetType} ${shortId(event.targetId)}`, title: event.targetId };
  return null;
}

/** The rest of the event's data as one short line; fields shown as the target are left out. */
export function describeDetails(event: AuditEventLike): string {
  const data = asData(event.data);
  const parts: Array<string | null> = [];
  switch (event.action) {
    case "member.role_changed":
      parts.push(data.from && data.to ? `${roleLabel(data.from)} → ${roleLabel(data.to)}` : null);
      break;
    case "member.joined":
      parts.push(data.role ? `as ${roleLabel(data.role)}` : null, text(data.via) ? `via ${text(data.via)}` : null);
      break;
    case "invitation.created":
      parts.push(data.role ? `as ${roleLabel(data.role)}` : null);
      break;
    case "api_token.created":
      parts.push(data.scope === "WRITE" ? "write access" : data.scope === "READ" ? "read access" : null, "expiresAt" in data ? expiryText(data.expiresAt) : null);
      break;
    case "auth.signed_in":
      parts.push(text(data.provider) ? `via ${text(data.provider)}` : null);
      break;
    case "auth.refused":
      parts.push(text(data.reason) ? (REFUSAL_REASONS[data.reason as string] ?? String(data.reason)) : null, text(data.provider) ? `via ${text(data.provider)}` : null);
      break;
    case "share_link.created":
      parts.push(data.includeLogs === true ? "with logs" : data.includeLogs === false ? "result only" : null, "expiresAt" in data ? expiryText(data.expiresAt) : null);
      break;
    case "approval.approved":
    case "approval.denied":
    case "approval.expired":
      parts.push(text(data.command) ? `run: ${text(data.command)}` : text(data.path) ? `write ${text(data.path)} (${Number(data.bytes)} bytes)` : null);
      break;
    case "task.plan_edited":
    case "task.plan_approved":
      parts.push(
        typeof data.subtasks === "number" ? `${data.subtasks} subtask${data.subtasks === 1 ? "" : "s"}` : null,
        typeof data.estimatedUsd === "number" ? `estimated $${data.estimatedUsd.toFixed(2)}` : null,
      );
      break;
    case "task.plan_discarded":
      parts.push(text(data.reason));
      break;
    case "member.removed":
    case "member.restored":
    case "invitation.revoked":
    case "api_token.revoked":
    case "share_link.revoked":
      break;
    default:
      return genericDetails(data);
  }
  return parts.filter(Boolean).join(" · ");
}

/** `key: value` pairs for actions this page has no wording for. */
function genericDetails(data: Data): string {
  return Object.entries(data)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}
