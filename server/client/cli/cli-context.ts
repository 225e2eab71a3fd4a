// What every command gets: the client, where to write, and the signal Ctrl-C raises.
import type { BatonClient } from "../create-baton-client";
import type { FormatOptions } from "./format-output";
import type { Connection } from "./resolve-connection";

export interface CliIo extends FormatOptions {
  /** Writes one line (or block) of results to stdout. */
  out(text: string): void;
  /** Writes one line of progress or trouble to stderr. */
  err(text: string): void;
}

export interface CliContext {
  client: BatonClient;
  connection: Connection;
  io: CliIo;
  signal: AbortSignal;
  fetch?: typeof globalThis.fetch;
}

/** Exit statuses, as `baton --help` lists them. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** JSON has no BigInt (costs in micro-dollars are one): a number while exact, else a string. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, field: unknown) => (typeof field === "bigint" ? (Number.isSafeInteger(Number(field)) ? Number(field) : field.toString()) : field), indent);
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(toJson(value, 2));
}
