// Finds strings PostgreSQL cannot store or compare in an API input: a NUL character (text
// columns refuse 0x00) or broken UTF-16 (a lone surrogate, which no UTF-8 encoding exists for).
// Without this check such a string reached the database and came back as a 500; now the caller
// hears which field is wrong.

export interface UnstorableText {
  path: string;
  problem: string;
}

const describe = (value: string) => (value.includes("\u0000") ? "contains a NUL character (\\u0000)" : !value.isWellFormed() ? "contains broken Unicode (a lone surrogate)" : null);

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

const pathOf = (visit: Visit): string => {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.key != null; at = at.parent) keys.push(at.key);
  return keys.length ? keys.reverse().join(".") : "input";
};

/** The first bad string in `input` (keys included), walking without recursion so depth cannot overflow the stack. */
export function findUnstorableText(input: unknown): UnstorableText | null {
  const stack: Visit[] = [{ value: input, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === "string") {
      const problem = describe(value);
      if (problem) return { path: pathOf(visit), problem };
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const problem = describe(key);
        if (problem) return { path: pathOf({ value: child, key: JSON.stringify(key.slice(0, 40)), parent: visit }), problem: `has a key that ${problem}` };
        stack.push({ value: child, key, parent: visit });
      }
    }
  }
  return null;
}
