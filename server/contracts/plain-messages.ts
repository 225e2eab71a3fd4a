// Plain wording for zod's built-in checks where a schema words none of its own, so a refusal reads
// "priority: must be at most 10" or "name: is empty" (in the API, the CLI and the forms, which put
// their label before it) rather than "Too big: expected number to be <=10". Installed once, for
// the whole process, by importing this module: every entry point does (server.ts, the agent daemon
// and agent), and the API's bootstrap too, for tests that load routers alone.
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

const UNITS: Record<string, [one: string, many: string]> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  map: ["entry", "entries"],
  file: ["byte", "bytes"],
};

const TYPES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  date: "a date",
  array: "a list",
  object: "an object",
};

const count = (n: number | bigint, [one, many]: [string, string]) => `${Number(n).toLocaleString("en-US")} ${Number(n) === 1 ? one : many}`;
const literal = (value: unknown) => (typeof value === "bigint" ? value.toString() : JSON.stringify(value));
const amount = (n: number | bigint) => (typeof n === "bigint" || Math.abs(n) >= 10_000 ? Number(n).toLocaleString("en-US") : String(n));

export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return TYPES[issue.expected] ? `must be ${TYPES[issue.expected]}` : undefined;
    case "too_small": {
      if (issue.origin === "date") return undefined; // zod gives the limit in epoch milliseconds
      const unit = UNITS[issue.origin];
      if (unit) {
        if (issue.origin === "string" && Number(issue.minimum) === 1) return "is empty";
        return issue.exact ? `must have exactly ${count(issue.minimum, unit)}` : `must have at least ${count(issue.minimum, unit)}`;
      }
      return issue.inclusive ? `must be at least ${amount(issue.minimum)}` : `must be more than ${amount(issue.minimum)}`;
    }
    case "too_big": {
      if (issue.origin === "date") return undefined;
      const unit = UNITS[issue.origin];
      if (unit) return issue.exact ? `must have exactly ${count(issue.maximum, unit)}` : `must have at most ${count(issue.maximum, unit)}`;
      return issue.inclusive ? `must be at most ${amount(issue.maximum)}` : `must be less than ${amount(issue.maximum)}`;
    }
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${literal(issue.values[0])}` : `must be one of ${issue.values.map(literal).join(", ")}`;
    case "invalid_format":
      if (issue.format === "email") return "is not an e-mail address";
      if (issue.format === "url") return "is not a URL";
      if (issue.format === "date") return "is not a date";
      if (issue.format === "datetime") return "is not a date and time";
      return undefined;
    case "not_multiple_of":
      return `must be a multiple of ${amount(issue.divisor)}`;
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "an unknown field" : "unknown fields"}: ${issue.keys.join(", ")}`;
    default:
      return undefined;
  }
}

/** "priority: must be at most 10": one problem named by its field ("input" for the whole). */
export const describeIssue = (issue: z.core.$ZodIssue) => `${issue.path.length ? issue.path.join(".") : "input"}: ${issue.message}`;

z.config({ customError: plainMessage });
