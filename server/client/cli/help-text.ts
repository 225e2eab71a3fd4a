// What `baton --help` and `baton task --help` print, and the one-line usage of each command
// that a usage error repeats.
import { TASK_STATUSES } from "../task-status";
export const USAGE = {
  "task create": 'baton task create "<prompt>" [--title <title>] [--priority <1-10>] [--review] [--wait] [--json]',
  "task list": "baton task list [--status <status>] [--limit <n>] [--json]",
  "task get": "baton task get <id> [--json]",
  "task logs": "baton task logs <id> [--follow] [--json]",
  "task cancel": "baton task cancel <id>",
  whoami: "baton whoami [--json]",
} as const;

export type CommandName = keyof typeof USAGE;

const CONNECTION_HELP = `Connection (every command):
  --url <url>      Baton's address; default $BATON_URL, else http://localhost:3000
  --token <token>  an API token (the API tokens page, /settings/tokens); default $BATON_TOKEN`;

const EXIT_HELP = `Exit status: 0 done, 1 failed (or the awaited task did not succeed), 2 usage error,
130 stopped with Ctrl-C (the task keeps running).`;

export const MAIN_HELP = `baton — drive Baton from the command line

Usage:
  baton task <command> …   create, list, inspect, follow and cancel tasks (baton task --help)
  ${USAGE.whoami.padEnd(22)}   who the token belongs to and what it may do
  baton --help             this text

${CONNECTION_HELP}

${EXIT_HELP}`;

export const TASK_HELP = `baton task — work with tasks

Commands:
  ${USAGE["task create"]}
      Submit a task. Prints its id; with --wait, follows it (status on stderr) and prints the
      result markdown, exiting 0 when it succeeded and 1 when it failed or was cancelled.
      --review stops the task after planning until its plan is approved on the task page
      (--wait then returns when the plan is ready for review).
  ${USAGE["task list"]}
      The newest tasks: id, status, subtasks done/total, created, title.
      Statuses: ${TASK_STATUSES.map((status) => status.toLowerCase()).join(", ")}.
  ${USAGE["task get"]}
      One task with its subtasks and result.
  ${USAGE["task logs"]}
      Its log: seq, time, [subtask], kind, message. --follow streams new lines until the task
      ends (exit 0 when it succeeded, 1 otherwise); --json prints one event per line.
  ${USAGE["task cancel"]}
      Stop a running task.

--json prints the API's own data instead of text.

${CONNECTION_HELP}`;
