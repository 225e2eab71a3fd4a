// The permission matrix: the one place that says who may call what. Every tRPC procedure is
// looked up here by its path before it runs (a procedure without a rule is refused), the
// permission test walks the router against it, and the README's table is rendered from it.
import type { Role } from "../db/generated/enums";
import { hasRole, ROLE_LABELS, ROLES } from "./roles";

export interface AccessRule {
  /** The weakest role allowed. */
  role: Role;
  /** Refused for API tokens: a leaked token must not be able to mint or revoke tokens. */
  sessionOnly?: true;
  /** What the rule allows, in the README's words. */
  summary: string;
}

export const PROCEDURE_RULES = {
  "account.me": { role: "VIEWER", summary: "See who you are signed in as" },
  "task.list": { role: "VIEWER", summary: "List and search tasks" },
  "task.creators": { role: "VIEWER", summary: "See who has created tasks (to filter the list)" },
  "task.endedSince": { role: "VIEWER", summary: "Catch up on own tasks that ended while offline (notifications)" },
  "task.byId": { role: "VIEWER", summary: "Read a task, its plan and result" },
  "task.logs": { role: "VIEWER", summary: "Read a task's logs" },
  "task.create": { role: "MEMBER", summary: "Create tasks" },
  "task.cancel": { role: "MEMBER", summary: "Cancel own tasks (admins: any task)" },
  "task.retry": { role: "MEMBER", summary: "Retry the failed subtasks of own tasks, keeping those that succeeded (admins: any task)" },
  "task.rerun": { role: "MEMBER", summary: "Run a task's prompt again as a new task of one's own" },
  "task.files": { role: "VIEWER", summary: "List the files agents wrote in a task's workspace (and download them)" },
  "approval.list": { role: "VIEWER", summary: "See what agents asked to do and who decided" },
  "approval.decide": { role: "MEMBER", summary: "Approve or deny agents' commands and writes on own tasks (admins: any task)" },
  "agent.list": { role: "VIEWER", summary: "See agent processes" },
  "agent.history": { role: "VIEWER", summary: "See agent processes that ended, and why" },
  "agent.profiles": { role: "VIEWER", summary: "See agent profiles" },
  "agent.scalingEvents": { role: "VIEWER", summary: "See the daemons' scaling decisions" },
  "agent.start": { role: "ADMIN", summary: "Start an agent of a profile" },
  "agent.stop": { role: "ADMIN", summary: "Stop an agent (after its subtask, or now with the subtask requeued)" },
  "agent.restart": { role: "ADMIN", summary: "Restart an agent" },
  "profile.byId": { role: "VIEWER", summary: "Read an agent profile in full" },
  "profile.create": { role: "ADMIN", summary: "Create agent profiles" },
  "profile.update": { role: "ADMIN", summary: "Edit agent profiles" },
  "share.list": { role: "MEMBER", summary: "See a task's share links" },
  "share.create": { role: "MEMBER", summary: "Create share links" },
  "share.revoke": { role: "MEMBER", summary: "Revoke own share links (admins: any)" },
  "token.list": { role: "VIEWER", sessionOnly: true, summary: "List own API tokens" },
  "token.create": { role: "VIEWER", sessionOnly: true, summary: "Create own API tokens" },
  "token.revoke": { role: "VIEWER", sessionOnly: true, summary: "Revoke own API tokens" },
  "member.list": { role: "ADMIN", summary: "List members" },
  "member.setRole": { role: "ADMIN", summary: "Change members' roles (owner: also admins and owners)" },
  "member.setDisabled": { role: "ADMIN", summary: "Remove or restore members (owner: also admins)" },
  "invitation.list": { role: "ADMIN", summary: "List invitations" },
  "invitation.create": { role: "ADMIN", summary: "Invite people (owner: also as admin)" },
  "invitation.revoke": { role: "ADMIN", summary: "Revoke invitations" },
  "audit.list": { role: "ADMIN", summary: "Read the audit log" },
  "task.raiseBudget": { role: "MEMBER", summary: "Raise own tasks' budgets up to the ceiling (admins: any task, any amount)" },
  "task.stopAtBudget": { role: "MEMBER", summary: "End own tasks paused at their budget (admins: any task)" },
  "task.editPlan": { role: "MEMBER", summary: "Edit the plan of own tasks waiting for review (admins: any task)" },
  "task.approvePlan": { role: "MEMBER", summary: "Approve and run the reviewed plan of own tasks (admins: any task)" },
  "task.discardPlan": { role: "MEMBER", summary: "Discard the reviewed plan of own tasks, cancelling them (admins: any task)" },
  "pricing.list": { role: "VIEWER", summary: "See model prices" },
  "pricing.upsert": { role: "ADMIN", summary: "Set model prices" },
  "pricing.remove": { role: "ADMIN", summary: "Remove model prices" },
  "cost.summary": { role: "VIEWER", summary: "See spend per agent profile and per person" },
  "settings.get": { role: "VIEWER", summary: "See the default task budget, its ceiling and the cost above which plans need review" },
  "settings.update": { role: "ADMIN", summary: "Change the default task budget, its ceiling and the cost above which plans need review" },
  "fleet.pauseState": { role: "VIEWER", summary: "See whether Claude's rate limit has paused the fleet" },
  "analytics.summary": { role: "VIEWER", summary: "See tasks finished, success rate and spend over a range" },
  "analytics.outcomes": { role: "VIEWER", summary: "See tasks by outcome over time" },
  "analytics.durations": { role: "VIEWER", summary: "See task and subtask durations (p50, p95) over time" },
  "analytics.estimates": { role: "VIEWER", summary: "See estimated against actual task cost over time" },
  "analytics.queueWait": { role: "VIEWER", summary: "See how long subtasks waited for an agent" },
  "analytics.utilisation": { role: "VIEWER", summary: "See agent utilisation over time and per profile" },
  "analytics.usage": { role: "VIEWER", summary: "See tokens and cost per profile, model and person over time" },
  "analytics.failures": { role: "VIEWER", summary: "See the most frequent failure reasons" },
  "overview.tasks": { role: "VIEWER", summary: "See running, queued and recent tasks at a glance" },
  "overview.queues": { role: "VIEWER", summary: "See queued and running subtasks per agent profile" },
} as const satisfies Record<string, AccessRule>;

export type ProcedurePath = keyof typeof PROCEDURE_RULES;

/** Finer rights checked inside procedures, on top of the procedure's own rule. */
export const ABILITY_ROLES = {
  /** Cancel a task someone else created. */
  cancelAnyTask: "ADMIN",
  /** Retry the failed subtasks of a task someone else created. */
  retryAnyTask: "ADMIN",
  /** Approve or deny what an agent asks to do on a task someone else created. */
  decideAnyApproval: "ADMIN",
  /** Revoke a share link someone else created. */
  revokeAnyShareLink: "ADMIN",
  /** Grant, change or remove the admin and owner roles. */
  manageAdmins: "OWNER",
  /** Raise the budget of, or stop at the budget, a task someone else created. */
  budgetAnyTask: "ADMIN",
  /** Give a task a budget above the ceiling in the settings. */
  exceedBudgetCeiling: "ADMIN",
  /** Edit, approve or discard the plan of a task someone else created. */
  reviewAnyPlan: "ADMIN",
} as const satisfies Record<string, Role>;

export type Ability = keyof typeof ABILITY_ROLES;

export function accessRuleFor(path: string): AccessRule | undefined {
  return Object.hasOwn(PROCEDURE_RULES, path) ? PROCEDURE_RULES[path as ProcedurePath] : undefined;
}

/** True when `role` meets a role requirement or carries an ability. */
export function can(role: Role, required: Role | Ability): boolean {
  return hasRole(role, Object.hasOwn(ABILITY_ROLES, required) ? ABILITY_ROLES[required as Ability] : (required as Role));
}

/** The README's permission table (a test keeps the README in step with this). */
export function renderPermissionTable(): string {
  const roles = [...ROLES].reverse();
  const header = `| Procedure | What it allows | ${roles.map((role) => ROLE_LABELS[role]).join(" | ")} |`;
  const divider = `|---|---|${roles.map(() => ":-:").join("|")}|`;
  const rows = Object.entries(PROCEDURE_RULES).map(([path, rule]: [string, AccessRule]) => {
    const marks = roles.map((role) => (hasRole(role, rule.role) ? "✓" : ""));
    return `| \`${path}\`${rule.sessionOnly ? " ¹" : ""} | ${rule.summary} | ${marks.join(" | ")} |`;
  });
  return [header, divider, ...rows].join("\n");
}
