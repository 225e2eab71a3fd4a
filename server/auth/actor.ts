// Who is making a request, after authentication: the same shape for browser sessions and tokens.
import type { Role } from "../db/generated/enums";

export interface Actor {
  userId: string;
  email: string;
  /** The role to check: the user's role, capped by the token's scope for API tokens. */
  role: Role;
  via: "session" | "token";
}
