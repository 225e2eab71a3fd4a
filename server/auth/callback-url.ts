// Where to go after signing in. Only paths on this site: an absolute URL here would make the
// sign-in flow an open redirect. The path is read the way a browser reads a Location header (the
// URL parser drops tabs and newlines, so "/\t/evil.example" is "//evil.example"), and only what
// stays on this origin is kept, rebuilt from its parts.
const ORIGIN = "http://baton.invalid";

export function safeCallbackPath(callbackUrl: string | null | undefined): string {
  if (!callbackUrl?.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(callbackUrl, ORIGIN);
  } catch {
    return "/";
  }
  return url.origin === ORIGIN ? `${url.pathname}${url.search}${url.hash}` : "/";
}
