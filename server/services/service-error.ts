// An expected refusal from a service (not found, not allowed, conflicting state), with a message
// meant for the user. The API layer turns it into the matching tRPC error and HTTP status; a
// refusal of one input field ("budgetUsd: …") names it, and the API reports it among the field
// errors as validation does, so a form can mark that field and use its own label.
export type ServiceErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT";

export class ServiceError extends Error {
  /** The message without its field's name, as a form puts it after the field's label. */
  readonly fieldMessage: string;

  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** The input field refused; the message is then "<field>: <message>". */
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
    this.name = "ServiceError";
    this.fieldMessage = message;
  }
}
