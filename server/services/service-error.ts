// An expected refusal from a service (not found, not allowed, conflicting state), with a message
// meant for the user. The API layer turns it into the matching tRPC error and HTTP status.
export type ServiceErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT";

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}
