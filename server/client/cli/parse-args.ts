// Turns the command line into one command with checked arguments, or a UsageError that names
// what is wrong and how the command is used.
import { parseArgs } from "node:util";
import { TASK_STATUSES, type TaskStatus } from "../task-status";
import { USAGE, type CommandName } from "./help-text";

export class UsageError extends Error {
  constructor(message: string, usage?: string) {
    super(usage ? `${message}. Usage: ${usage}` : message);
    this.name = "UsageError";
  }
}

export type CliCommand =
  /** `requested` is false when help stands in for a missing command (a usage error). */
  | { name: "help"; topic: "main" | "task"; requested: boolean }
  | { name: "task create"; prompt: string; title?: string; priority?: number; review: boolean; wait: boolean; json: boolean }
  | { name: "task list"; status?: TaskStatus; limit?: number; json: boolean }
  | { name: "task get"; id: string; json: boolean }
  | { name: "task logs"; id: string; follow: boolean; json: boolean }
  | { name: "task cancel"; id: string }
  | { name: "whoami"; json: boolean };

export interface ParsedCommandLine {
  command: CliCommand;
  /** Connection flags as given; the environment fills in the rest (see resolve-connection.ts). */
  url?: string;
  token?: string;
}

const OPTIONS = {
  url: { type: "string" },
  token: { type: "string" },
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  title: { type: "string" },
  priority: { type: "string" },
  wait: { type: "boolean" },
  review: { type: "boolean" },
  status: { type: "string" },
  limit: { type: "string" },
  follow: { type: "boolean", short: "f" },
} as const;
type OptionName = keyof typeof OPTIONS;

const isKnownOption = (arg: string) =>
  Object.entries(OPTIONS).some(([name, option]) => arg === `--${name}` || arg.startsWith(`--${name}=`) || ("short" in option && arg === `-${option.short}`));

/** Options each command takes besides --url, --token and --help. */
const COMMAND_OPTIONS: Record<CommandName, readonly OptionName[]> = {
  "task create": ["title", "priority", "review", "wait", "json"],
  "task list": ["status", "limit", "json"],
  "task get": ["json"],
  "task logs": ["follow", "json"],
  "task cancel": [],
  whoami: ["json"],
};
const TASK_COMMANDS = ["create", "list", "get", "logs", "cancel"];

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const { values, positionals } = parseOrExplain(argv);
  const connection = { url: values.url, token: values.token };
  const [group, sub, ...rest] = positionals;

  const requested = values.help === true || group === "help" || sub === "help";
  if (group === undefined || group === "help") return { command: { name: "help", topic: sub === "task" ? "task" : "main", requested }, ...connection };
  if (group === "whoami") {
    if (values.help) return { command: { name: "help", topic: "main", requested }, ...connection };
    checkCommand("whoami", values, rest.length + (sub === undefined ? 0 : 1), 0);
    return { command: { name: "whoami", json: values.json ?? false }, ...connection };
  }
  if (group !== "task") throw new UsageError(`unknown command "${group}"; the commands are "task" and "whoami" (see baton --help)`);
  if (values.help || sub === undefined || sub === "help") return { command: { name: "help", topic: "task", requested }, ...connection };
  if (!TASK_COMMANDS.includes(sub)) throw new UsageError(`unknown command "task ${sub}"; it is one of ${TASK_COMMANDS.join(", ")} (see baton task --help)`);

  const name = `task ${sub}` as Exclude<CommandName, "whoami">;
  checkCommand(name, values, rest.length, name === "task list" ? 0 : 1);
  const json = values.json ?? false;
  const argument = rest[0] ?? "";
  switch (name) {
    case "task create":
      if (!argument.trim()) throw new UsageError("the prompt is empty", USAGE[name]);
      return {
        command: {
          name,
          prompt: argument,
          title: values.title,
          priority: values.priority === undefined ? undefined : wholeNumber("--priority", values.priority, USAGE[name]),
          review: values.review ?? false,
          wait: values.wait ?? false,
          json,
        },
        ...connection,
      };
    case "task list":
      return {
        command: {
          name,
          status: values.status === undefined ? undefined : taskStatus(values.status),
          limit: values.limit === undefined ? undefined : wholeNumber("--limit", values.limit, USAGE[name], 1),
          json,
        },
        ...connection,
      };
    case "task get":
      return { command: { name, id: argument, json }, ...connection };
    case "task logs":
      return { command: { name, id: argument, follow: values.follow ?? false, json }, ...connection };
    case "task cancel":
      return { command: { name, id: argument }, ...connection };
  }
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // "--limit -5": node:util will not take a value that starts with a dash after a space.
    const ambiguous = error instanceof Error ? /^Option '(--[a-z-]+)[^']*' argument is ambiguous/.exec(error.message) : null;
    if (ambiguous) {
      const option = ambiguous[1]!;
      const value = argv[argv.indexOf(option) + 1] ?? "";
      // "--title --wait": most likely the value was forgotten.
      if (isKnownOption(value)) throw new UsageError(`${option} needs a value (see baton --help)`);
      throw new UsageError(`${option} is followed by "${value}", which reads as an option; write ${option}="${value}" if that is its value (see baton --help)`);
    }
    // node:util words these for programmers ("Unknown option '--foo'. To specify a positional
    // argument starting with a '-', place it at the end of the command after '--'…"); keep the first sentence.
    const message = error instanceof Error ? error.message.split(/\.\s/)[0]!.replace(/\.$/, "") : String(error);
    throw new UsageError(`${message.charAt(0).toLowerCase()}${message.slice(1)} (see baton --help)`);
  }
}

type ParsedValues = ReturnType<typeof parseOrExplain>["values"];

function checkCommand(name: CommandName, values: ParsedValues, argumentCount: number, expected: number) {
  const allowed = new Set<string>(["url", "token", "help", ...COMMAND_OPTIONS[name]]);
  const stray = Object.keys(values).find((option) => !allowed.has(option));
  if (stray) throw new UsageError(`"baton ${name}" does not take --${stray}`, USAGE[name]);
  if (argumentCount < expected) throw new UsageError(`missing the ${name === "task create" ? "prompt" : "task id"}`, USAGE[name]);
  if (argumentCount > expected) {
    const hint = name === "task create" ? " (put the prompt in quotes)" : "";
    throw new UsageError(`too many arguments${hint}`, USAGE[name]);
  }
}

function wholeNumber(option: string, value: string, usage: string, min = 0): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(number >= min)) throw new UsageError(`${option} must be a whole number${min ? ` of at least ${min}` : ""}, not "${value}"`, usage);
  return number;
}

function taskStatus(value: string): TaskStatus {
  const status = value.trim().toUpperCase();
  const known = TASK_STATUSES.find((candidate) => candidate === status);
  if (!known) throw new UsageError(`--status must be one of ${TASK_STATUSES.map((s) => s.toLowerCase()).join(", ")}, not "${value}"`);
  return known;
}
