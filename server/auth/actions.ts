"use server";
// Server actions behind the sign-in and sign-out buttons. Next.js checks a server action's
// Origin against the host, and Auth.js then runs its own flow.
import { signIn, signOut } from "./auth";
import { safeCallbackPath } from "./callback-url";

export async function signInWith(providerId: string, callbackUrl: string) {
  await signIn(providerId, { redirectTo: safeCallbackPath(callbackUrl) });
}

export async function signOutNow() {
  await signOut({ redirectTo: "/signin" });
}
