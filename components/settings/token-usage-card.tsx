// How scripts and the `baton` CLI use a token, with this installation's address filled in.
import { Card, CardHeader } from "@/components/ui/card";

export function TokenUsageCard({ baseUrl }: { baseUrl: string }) {
  return (
    <Card>
      <CardHeader title="Using a token" description="Send it as a bearer token. A read token acts as a viewer; a write token acts with your role." />
      <div className="space-y-3 p-4 text-sm text-muted">
        <p>Call the API with curl:</p>
        <pre className="overflow-x-auto rounded-md border border-border bg-surface-muted px-3 py-2 font-mono text-xs leading-relaxed text-foreground">
          {`curl -H "Authorization: Bearer <token>" ${baseUrl}/api/trpc/account.me`}
        </pre>
        <p>
          The <code className="font-mono text-foreground">baton</code> command-line tool reads the address and the token from the environment:
        </p>
        <pre className="overflow-x-auto rounded-md border border-border bg-surface-muted px-3 py-2 font-mono text-xs leading-relaxed text-foreground">
          {`export BATON_URL=${baseUrl}\nexport BATON_TOKEN=<token>`}
        </pre>
        <p className="text-xs">Tokens cannot create or revoke other tokens; manage them here, signed in.</p>
      </div>
    </Card>
  );
}
