// Command-line parsing: every command, its options, and the usage errors a person can make.
import { describe, expect, it } from "vitest";
import { parseCommandLine, UsageError } from "./parse-args";

const usageError = (argv: string[]) => {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`"${argv.join(" ")}" parsed without an error`);
};

describe("parseCommandLine", () => {
  it("reads task create with its options, wherever the options stand", () => {
    expect(parseCommandLine(["task", "create", "Summarise the logs", "--title", "Logs", "--priority", "3", "--review", "--wait", "--json"]).command).toEqual({
      name: "task create",
      prompt: "Summarise the logs",
      title: "Logs",
      priority: 3,
      review: true,
      wait: true,
      json: true,
    });
    expect(parseCommandLine(["--wait", "task", "create", "Go"]).command).toMatchObject({ name: "task create", prompt: "Go", review: false, wait: true, json: false });
  });

  it("takes a prompt that starts with a dash after --", () => {
    expect(parseCommandLine(["task", "create", "--", "-v flag docs"]).command).toMatchObject({ prompt: "-v flag docs" });
  });

  it("reads the other task commands", () => {
    expect(parseCommandLine(["task", "list", "--status", "running", "--limit", "5"]).command).toEqual({ name: "task list", status: "RUNNING", limit: 5, json: false });
    expect(parseCommandLine(["task", "list"]).command).toEqual({ name: "task list", status: undefined, limit: undefined, json: false });
    expect(parseCommandLine(["task", "get", "abc", "--json"]).command).toEqual({ name: "task get", id: "abc", json: true });
    expect(parseCommandLine(["task", "logs", "abc", "-f"]).command).toEqual({ name: "task logs", id: "abc", follow: true, json: false });
    expect(parseCommandLine(["task", "cancel", "abc"]).command).toEqual({ name: "task cancel", id: "abc" });
    expect(parseCommandLine(["whoami", "--json"]).command).toEqual({ name: "whoami", json: true });
  });

  it("passes --url and --token on for the connection", () => {
    expect(parseCommandLine(["whoami", "--url", "http://baton:3000", "--token", "baton_x"])).toMatchObject({ url: "http://baton:3000", token: "baton_x" });
  });

  it("answers --help at every level, and tells asked-for help from help standing in for a command", () => {
    expect(parseCommandLine(["--help"]).command).toEqual({ name: "help", topic: "main", requested: true });
    expect(parseCommandLine(["help", "task"]).command).toEqual({ name: "help", topic: "task", requested: true });
    expect(parseCommandLine(["task", "--help"]).command).toEqual({ name: "help", topic: "task", requested: true });
    expect(parseCommandLine(["task", "create", "-h"]).command).toEqual({ name: "help", topic: "task", requested: true });
    expect(parseCommandLine([]).command).toEqual({ name: "help", topic: "main", requested: false });
    expect(parseCommandLine(["task"]).command).toEqual({ name: "help", topic: "task", requested: false });
  });

  it("names what is wrong and repeats the command's usage", () => {
    expect(usageError(["task", "get"])).toBe("missing the task id. Usage: baton task get <id> [--json]");
    expect(usageError(["task", "create"])).toMatch(/^missing the prompt\. Usage: baton task create "<prompt>"/);
    expect(usageError(["task", "create", "   "])).toMatch(/^the prompt is empty/);
    expect(usageError(["task", "create", "two", "words"])).toMatch(/^too many arguments \(put the prompt in quotes\)/);
    expect(usageError(["task", "create", "x", "--priority", "high"])).toMatch(/^--priority must be a whole number, not "high"/);
    expect(usageError(["task", "list", "--limit", "0"])).toMatch(/^--limit must be a whole number of at least 1, not "0"/);
    expect(usageError(["task", "list", "--status", "done"])).toMatch(/^--status must be one of planning, awaiting_review, running, .*, cancelled, not "done"$/);
    expect(usageError(["task", "list", "--follow"])).toMatch(/^"baton task list" does not take --follow/);
    expect(usageError(["task", "frob"])).toMatch(/^unknown command "task frob"/);
    expect(usageError(["deploy"])).toMatch(/^unknown command "deploy"/);
    expect(usageError(["whoami", "extra"])).toMatch(/^too many arguments/);
  });

  it("shortens node:util's own wording of unknown or incomplete options to one sentence", () => {
    expect(usageError(["task", "list", "--verbose"])).toBe("unknown option '--verbose' (see baton --help)");
    expect(usageError(["task", "create", "x", "--title"])).toMatch(/^option '--title <value>' argument missing \(see baton --help\)$/);
  });

  it("says how to write a value that starts with a dash, and then judges the value", () => {
    expect(usageError(["task", "list", "--limit", "-5"])).toBe('--limit is followed by "-5", which reads as an option; write --limit="-5" if that is its value (see baton --help)');
    expect(usageError(["task", "create", "x", "--title", "--wait"])).toBe("--title needs a value (see baton --help)");
    expect(usageError(["task", "create", "x", "--title", "-h"])).toBe("--title needs a value (see baton --help)");
    expect(usageError(["task", "list", "--limit=-5"])).toMatch(/^--limit must be a whole number of at least 1, not "-5"/);
  });
});
