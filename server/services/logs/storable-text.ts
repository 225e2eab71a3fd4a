// PostgreSQL stores neither a NUL character nor broken UTF-16 (a lone surrogate, which has no
// UTF-8 form). A log line carrying one — a binary file's bytes read by an agent, a command's raw
// output, a string cut in the middle of an emoji — would fail its whole batch. Such characters
// become U+FFFD, as a terminal shows bytes it cannot decode.

export function storableText(text: string): string {
  return text.replaceAll("\u0000", "\ufffd").toWellFormed();
}

/** A JSON value with every string in it, keys included, made storable; untouched (the same object) when nothing needs it. */
export function storableJson(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const items = value.map(storableJson);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  let changed = false;
  const entries = Object.entries(value).map(([key, item]) => {
    const entry = [storableText(key), storableJson(item)] as const;
    changed ||= entry[0] !== key || entry[1] !== item;
    return entry;
  });
  return changed ? Object.fromEntries(entries) : value;
}
