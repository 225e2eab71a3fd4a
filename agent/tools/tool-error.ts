// An error the model caused and can correct: returned to it as an is_error tool result.
export class ToolInputError extends Error {
  override name = "ToolInputError";
}
