// Tagged-template SQL straight on pg, for the statements every subtask runs (claim, usage,
// completion, log lines, advance) and the daemon's agent-state writes. Prisma's raw-query path
// costs these processes about as much CPU again as the statement itself (bench/RESULTS.md); this
// shares the Prisma client's pool (see create-prisma.ts) and prepares each call site's statement
// once per connection. Values and results follow Prisma's raw queries: a Date is sent as UTC, a
// bigint as its digits; int8 comes back as bigint and `timestamp` (stored as UTC) as a Date.
import pg from "pg";

export interface Sql {
  /** The rows of a query: sql.query<Row>`SELECT … WHERE id = ${id}`. */
  query<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]>;
  /** The number of rows a statement changed. */
  execute(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

const INT8 = 20;
const TIMESTAMP = 1114;

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (format !== "binary" && oid === INT8) return (text: string) => BigInt(text);
    if (format !== "binary" && oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format ?? "text");
  },
};

function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}

export function createSql(pool: pg.Pool): Sql {
  // A template's strings are one frozen array per call site: its statement text and name are built once.
  const statements = new WeakMap<TemplateStringsArray, { name: string; text: string }>();
  let named = 0;
  const run = (strings: TemplateStringsArray, values: unknown[]) => {
    let statement = statements.get(strings);
    if (!statement) {
      statement = { name: `baton_${++named}`, text: strings.reduce((text, part, i) => `${text}$${i}${part}`) };
      statements.set(strings, statement);
    }
    return pool.query({ ...statement, values: values.map(toParameter), types });
  };
  return {
    async query<T>(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await run(strings, values)).rows as T[];
    },
    async execute(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await run(strings, values)).rowCount ?? 0;
    },
  };
}
