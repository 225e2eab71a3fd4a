// POST target of the development sign-in form. Absent (404) unless BATON_DEV_LOGIN=1.
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/client-address";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { originOf, originRefusal } from "@/server/auth/csrf";
import { devLogin, ZDevLoginSchema } from "@/server/auth/dev-login";
import { db } from "@/server/db";
import { baseUrl, env } from "@/server/env";

export async function POST(req: Request) {
  if (!env.BATON_DEV_LOGIN) return new Response("Not found", { status: 404 });
  const refusal = originRefusal(req.headers.get("origin"), originOf(baseUrl));
  if (refusal) return new Response(refusal, { status: 403 });

  const form = await req.formData().catch(() => null);
  const parsed = ZDevLoginSchema.safeParse({ email: form?.get("email"), callbackUrl: form?.get("callbackUrl") ?? undefined });
  if (!parsed.success) return redirect(`/signin?error=DevLoginInvalid`);

  const outcome = await devLogin(db, parsed.data.email, env.BATON_ALLOWED_DOMAINS, req.headers.get(CLIENT_ADDRESS_HEADER) ?? undefined);
  if (!outcome.ok) return redirect(`/not-invited?reason=${outcome.reason}`);
  const secure = baseUrl.startsWith("https://");
  const cookie = [
    `${secure ? "__Secure-" : ""}authjs.session-token=${outcome.sessionToken}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${outcome.maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
  return redirect(safeCallbackPath(parsed.data.callbackUrl), cookie);
}

function redirect(path: string, cookie?: string) {
  const headers = new Headers({ location: path });
  if (cookie) headers.set("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}
