// The one answer for every share link that does not open a page: unknown, mistyped, revoked and
// expired links all look the same, so the page tells nobody which links once existed.
export default function SharedTaskNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid="not-found">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-foreground">This link doesn’t open anything</h1>
      <p className="mt-2 text-sm text-muted">The link may have expired, been revoked or been copied incompletely. Ask the person who shared it for a new one.</p>
    </div>
  );
}
