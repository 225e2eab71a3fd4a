// Where to go after signing in. Only paths on this site: an absolute URL here would make the
// sign-in flow an open redirect.
export function safeCallbackPath(callbackUrl: string | null | undefined): string {
  return callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") && !callbackUrl.startsWith("/\\") ? callbackUrl : "/";
}
