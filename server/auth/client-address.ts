// Headers the web server writes on every request before Next.js sees it, replacing anything a
// client sent: the client's address (rate limits key on it, so it must not be forgeable) and
// the page path (so a page that requires sign-in can send the user back to it afterwards).
export const CLIENT_ADDRESS_HEADER = "x-baton-client-address";
export const REQUEST_PATH_HEADER = "x-baton-path";

/** The path and query of a request URL, without Next.js's internal `_rsc` cache-buster. */
export function requestPath(url: string | undefined): string {
  const parsed = new URL(url ?? "/", "http://localhost");
  parsed.searchParams.delete("_rsc");
  return parsed.pathname + parsed.search;
}
