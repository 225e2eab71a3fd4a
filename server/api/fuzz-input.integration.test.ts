// Thousands of generated invalid and hostile inputs to every tRPC procedure, through the real
// HTTP handler as a signed-in owner (the role that reaches the most code): wrong types, odd and
// huge strings, extreme numbers, prototype-polluting keys, deep nesting, malformed bodies and
// superjson metadata. Every answer must be a clear client error (or, for a query, an answer),
// never a 5xx; nothing may leak onto Object.prototype; and the database must be unchanged.
// Runs are seeded and bounded so the file stays well under a minute.
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../auth/client-address";
import { TEST_ORIGIN } from "../testing/call-api";
import { tableChecksums } from "../testing/db-checksum";
import { DANGEROUS_KEYS, hostileString, hostileValue, objectShape, shapedInput } from "../testing/hostile-input";
import { createTestDeps, resetData } from "../testing/test-deps";
import { createUser, sessionCookieFor } from "../testing/test-users";
import { handleTrpcRequest } from "./handle-request";
import { appRouter } from "./root";
import { TRPC_MAX_BATCH } from "../client/trpc-batch";

const deps = createTestDeps("fuzz");
const SEED = 20_261_129;
const RUNS_PER_PROCEDURE = 50;

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };
const PROCEDURES = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
const PATHS = Object.keys(PROCEDURES).sort();
/** Fields that name an existing row: a random value there can only be "not found". */
const LOOKUP_KEYS: ReadonlySet<string> = new Set(["id", "taskId", "agentId", "userId"]);
const CLIENT_ERRORS = new Set(["BAD_REQUEST", "PARSE_ERROR", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE_CONTENT", "METHOD_NOT_SUPPORTED", "TOO_MANY_REQUESTS"]);

let cookie = "";
let before: Record<string, string> = {};
// Session rows are read on every request; nothing else may change.
const checksums = () => tableChecksums(deps.db);

beforeAll(async () => {
  await resetData(deps);
  cookie = await sessionCookieFor(deps.db, await createUser(deps.db, "OWNER"));
  // Something real to look up next to the random ids.
  await deps.db.task.create({ data: { title: "existing", prompt: "p", status: "SUCCEEDED" } });
  before = await checksums();
});

afterAll(() => deps.close());

async function send(path: string, body: string, options: { method?: "GET" | "POST"; query?: string } = {}) {
  const type = PROCEDURES[path]?._def.type ?? "query";
  const method = options.method ?? (type === "query" ? "GET" : "POST");
  const query = options.query ?? (method === "GET" ? `?input=${encodeURIComponent(body)}` : "");
  const headers = new Headers({ "content-type": "application/json", cookie, origin: TEST_ORIGIN, [CLIENT_ADDRESS_HEADER]: "198.51.100.9" });
  const request = new Request(`${TEST_ORIGIN}/api/trpc/${path}${query}`, method === "GET" ? { headers } : { method, headers, body });
  const response = await handleTrpcRequest(request, { deps, allowedOrigin: TEST_ORIGIN });
  const text = await response.text();
  return { status: response.status, text };
}

/** Asserts every answer (one, or each of a batch) is a client error with a message, or data where allowed; never a 5xx. */
function expectClearAnswer(answer: { status: number; text: string }, context: string, allowSuccess: boolean) {
  expect(answer.status, `${context}\n${answer.text.slice(0, 500)}`).toBeLessThan(500);
  const body = JSON.parse(answer.text) as unknown;
  const items = (Array.isArray(body) ? body : [body]) as { result?: unknown; error?: { json?: { message?: unknown; data?: { code?: string } } } }[];
  for (const item of items) {
    if (!item.error) {
      expect(allowSuccess, `${context} succeeded: ${answer.text.slice(0, 300)}`).toBe(true);
      continue;
    }
    const error = item.error.json;
    expect(typeof error?.message === "string" && error.message.length > 0, `${context}: no message in ${answer.text.slice(0, 300)}`).toBe(true);
    expect(CLIENT_ERRORS.has(error!.data?.code ?? ""), `${context}: code ${error!.data?.code}`).toBe(true);
  }
  expect(answer.text).not.toMatch(/\bat [\w$.<>]+ \(|node_modules|Something went wrong on the server/);
}

/** JSON in, JSON out: what the server will see once the request is parsed. */
const overTheWire = (input: unknown) => (input === undefined ? undefined : (JSON.parse(JSON.stringify(input)) as unknown));

describe("fuzzing every tRPC procedure", () => {
  it("covers every procedure of the router", () => {
    expect(PATHS.length).toBeGreaterThan(30);
  });

  for (const path of PATHS) {
    const { type, inputs } = PROCEDURES[path]!._def;
    const schema = inputs[0];
    const shape = objectShape(schema);
    const lookups = new Set(Object.keys(shape ?? {}).filter((name) => LOOKUP_KEYS.has(name)));
    const arbitrary = shape ? fc.oneof({ weight: 3, arbitrary: shapedInput(shape, lookups) }, { weight: 1, arbitrary: hostileValue }) : hostileValue;

    it(`${path}: hostile input gets a clear client error`, async () => {
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          const wire = overTheWire(input);
          const valid = !schema || schema.safeParse(wire).success;
          const looksUp = wire !== null && typeof wire === "object" && [...lookups].some((name) => typeof (wire as Record<string, unknown>)[name] === "string");
          // A valid write without a lookup would create something; those are not hostile input.
          if (type === "mutation" && valid && !looksUp) return;
          sent++;
          const answer = await send(path, JSON.stringify({ json: input }));
          expectClearAnswer(answer, `${path} ${JSON.stringify(input)?.slice(0, 300)}`, type === "query");
        }),
        { seed: SEED + path.length, numRuns: RUNS_PER_PROCEDURE },
      );
      expect(sent).toBeGreaterThan(RUNS_PER_PROCEDURE / 2);
    });
  }

  const MALFORMED_BODIES = [
    "",
    "{not json",
    "null",
    "[]",
    '"just a string"',
    JSON.stringify({ json: { id: "x" }, meta: { values: { "__proto__.polluted": ["Date"] } } }),
    JSON.stringify({ json: { id: {} }, meta: { values: { "id.__proto__.polluted": [["custom", "x"]] } } }),
    JSON.stringify({ json: {}, meta: { values: { "constructor.prototype.polluted": ["set"] } } }),
    JSON.stringify({ json: { id: "zz" }, meta: { values: { id: ["bigint"] } } }),
    JSON.stringify({ json: { id: "x" }, meta: { values: { id: [["class", "Nope"]] } } }),
    JSON.stringify({ json: { id: "x" }, meta: { values: { id: [["symbol", "s"]] } } }),
    JSON.stringify({ json: { from: "not a date", to: 5 }, meta: { values: { from: ["Date"], to: ["Date"] } } }),
    JSON.stringify({ json: { id: "x" }, meta: { referentialEqualities: { id: ["__proto__.polluted"] } } }),
    JSON.stringify({ json: { id: "x" }, meta: { values: "garbage", referentialEqualities: 7 } }),
    JSON.stringify({ json: "x".repeat(200_000) }),
  ];

  for (const path of PATHS) {
    it(`${path}: malformed bodies, transports and superjson metadata get client errors`, async () => {
      const isQuery = PROCEDURES[path]!._def.type === "query";
      for (const body of MALFORMED_BODIES) expectClearAnswer(await send(path, body), `${path} body ${body.slice(0, 80)}`, isQuery);
      // A procedure without input never parses it, so a query may still answer.
      expectClearAnswer(await send(path, "", { query: "?input=%7Bnot-json" }), `${path} bad query input`, isQuery);
      expectClearAnswer(await send(path, "{}", { query: `?batch=1&input=${encodeURIComponent('{"0":{"json":{"__proto__":{"x":1}}},"1":7}')}` }), `${path} batch`, true);
      const wrongMethod = isQuery ? "POST" : "GET";
      expectClearAnswer(await send(path, "{}", { method: wrongMethod }), `${path} by ${wrongMethod}`, false);
    });
  }

  it("refuses a batch of more calls than the clients ever send, with a clear error", async () => {
    const paths = Array.from({ length: TRPC_MAX_BATCH + 1 }, () => "account.me").join(",");
    const input = Object.fromEntries(Array.from({ length: TRPC_MAX_BATCH + 1 }, (_, i) => [i, {}]));
    const answer = await send(paths, "{}", { method: "GET", query: `?batch=1&input=${encodeURIComponent(JSON.stringify(input))}` });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("Batch call exceeds maximum size");
    const allowed = Array.from({ length: TRPC_MAX_BATCH }, () => "account.me").join(",");
    expect((await send(allowed, "{}", { method: "GET", query: `?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: TRPC_MAX_BATCH }, (_, i) => [i, {}]))))}` })).status).toBe(200);
  });

  it("answers unknown procedures and absurd batch paths with client errors", async () => {
    expectClearAnswer(await send("no.such.procedure", "{}"), "unknown procedure", false);
    expectClearAnswer(await send(`task.byId,${"a".repeat(5000)}`, "{}", { query: "?batch=1&input=%7B%7D" }), "absurd batch path", false);
  });

  it("fuzzes lookups with hostile ids everywhere", async () => {
    const lookupPaths = PATHS.filter((path) => Object.keys(objectShape(PROCEDURES[path]!._def.inputs[0]) ?? {}).some((name) => LOOKUP_KEYS.has(name)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lookupPaths), hostileString, async (path, id) => {
        const shape = objectShape(PROCEDURES[path]!._def.inputs[0])!;
        const input = Object.fromEntries(Object.keys(shape).filter((name) => LOOKUP_KEYS.has(name)).map((name) => [name, id]));
        const { type } = PROCEDURES[path]!._def;
        expectClearAnswer(await send(path, JSON.stringify({ json: input })), `${path} ${JSON.stringify(input).slice(0, 200)}`, type === "query");
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("left Object.prototype and the database as they were", async () => {
    for (const name of ["polluted", "x", ...DANGEROUS_KEYS.filter((k) => !(k in Object.prototype))]) {
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, name), name).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await checksums()).toEqual(before);
  });
});
