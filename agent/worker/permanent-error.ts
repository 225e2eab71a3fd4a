// A failure that another attempt cannot fix (bad plan twice, turn limit, timeout on final try).
export class PermanentError extends Error {
  override name = "PermanentError";
}
