// fast-check generators of invalid and hostile input for the fuzz tests: odd strings (NUL bytes,
// lone surrogates, huge, injection-looking), extreme numbers, prototype-polluting keys, deep
// nesting, and objects shaped like a zod schema whose fields get any of these.
import fc from "fast-check";
import { z } from "zod";

export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "id\u0000",
  "\ud800",
  "a\udfffb\ud800",
  "\u202e\u0301\u200b",
  "💥🧨👩‍👩‍👧",
  "x".repeat(70_000),
  "ä".repeat(5000),
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  `'; DROP TABLE "Task"; --`,
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "%00%2e%2e%2f",
  "${jndi:ldap://127.0.0.1/x}",
  "NaN",
  "-0",
  "1e309",
  "null",
  "[]",
  "{}",
  "\\",
  '"',
  "\r\n",
];

export const DANGEROUS_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "then"];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.string({ unit: "grapheme", maxLength: 64 }),
  fc.string({ maxLength: 24 }),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE),
);

const key = fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), hostileString.filter((s) => s.length < 200));

/** An object with exactly these own properties, "__proto__" included (a literal would set the prototype). */
export function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [name, value] of entries) Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const { value: nestedValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map(ownObject),
  ),
}));

/** Arrays or objects nested hundreds to thousands deep. */
export const deepNesting: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 100, max: 3000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = arrays ? [value] : ownObject([["a", value]]);
  return value;
});

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof({ weight: 5, arbitrary: nestedValue }, { weight: 1, arbitrary: deepNesting });

/** The z.object inside optional/default/pipe wrappers, if the schema is one. */
export function objectShape(schema: z.ZodType | undefined): Record<string, z.ZodType> | null {
  let current: unknown = schema;
  for (let i = 0; i < 6 && current; i++) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, z.ZodType>;
    const def = (current as { _zod?: { def?: { innerType?: unknown; in?: unknown } } })._zod?.def;
    current = def?.innerType ?? def?.in;
  }
  return null;
}

/**
 * Objects with the schema's keys (each present or not) holding hostile values — `strings` for the
 * keys named there — plus a few dangerous extra keys.
 */
export function shapedInput(shape: Record<string, z.ZodType>, strings: ReadonlySet<string> = new Set()): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.keys(shape).map((name) =>
    fc.option(strings.has(name) ? fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: hostileValue }) : hostileValue, { nil: undefined }).map((value) => [name, value] as [string, unknown]),
  );
  return fc
    .tuple(fc.tuple(...fields), fc.array(fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), hostileValue), { maxLength: 2 }))
    .map(([present, extra]) => ownObject([...present.filter(([, value]) => value !== undefined), ...extra]));
}
