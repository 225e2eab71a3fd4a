// Warns that anyone who reaches this server can sign in as anyone: a local demo, not a deployment.
export function DevLoginBanner() {
  return (
    <div role="status" className="border-b border-danger-border bg-danger-soft text-danger-fg">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm sm:px-6">
        <strong className="font-semibold">Development sign-in is on</strong> — anyone who can reach this server can sign in without a password. Unset{" "}
        <code className="rounded bg-surface/70 px-1 font-mono text-xs">BATON_DEV_LOGIN</code> and configure an OAuth provider before sharing it.
      </p>
    </div>
  );
}
