// Cross-site request forgery defence for cookie-authenticated writes: the browser's Origin
// header must name Baton's own URL. Requests that carry an API token instead are not at risk
// (a browser never attaches one on its own) and are not checked.

/** Why the request is refused, or null when its origin is Baton's own. */
export function originRefusal(origin: string | null, allowedOrigin: string): string | null {
  if (origin === null) return "Refused: the request has no Origin header, so it cannot be shown to come from Baton.";
  if (origin === "null") return "Refused: requests from an opaque origin (Origin: null) may not change anything.";
  if (origin !== allowedOrigin) return `Refused: cross-origin request from ${origin}; Baton accepts changes only from ${allowedOrigin}.`;
  return null;
}

export function originOf(url: string): string {
  return new URL(url).origin;
}
