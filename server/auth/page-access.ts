// Access checks for server-rendered pages. Every dashboard page calls requirePageActor itself:
// a layout is not a security boundary, because client navigation can render a page without
// re-rendering its layout.
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "../db/create-prisma";
import { db } from "../db";
import type { Actor } from "./actor";
import { authenticate, sessionTokenFromCookie } from "./authenticate";
import { REQUEST_PATH_HEADER } from "./client-address";
import { hasRole } from "./roles";

/** The signed-in user for this request, or null. One database read per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const sessionToken = sessionTokenFromCookie((await headers()).get("cookie"));
  if (!sessionToken) return null;
  const outcome = await authenticate(db, { sessionToken });
  return outcome.kind === "authenticated" ? outcome.actor : null;
});

/** The signed-in user, or a redirect to the sign-in page (back here afterwards); 403 without the role. */
export async function requirePageActor(role: Role = "VIEWER"): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!hasRole(actor.role, role)) forbidden();
  return actor;
}
