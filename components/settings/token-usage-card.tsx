// How scripts and the `baton` CLI use a token, with this installation's address filled in.
import { Card, CardHeader } from "@/components/ui/card";
import { ScrollFrame } from "@/components/ui/scroll-frame";

export function TokenUsageCard({ baseUrl }: { baseUrl: string }) {
  return (
    <Card>
      <CardHeader title="Using a token" description="Send it as a bearer token. A read token acts as a viewer; a write token acts with your role." />
      <div className="space-y-3 p-4 text-sm text-muted">
        <p>Call the API with curl:</p>
        <ScrollFrame as="pre" label="curl example" className="overflow-x-auto rounded-md border border-border bg-surface-muted px-3 py-2 font-mono text-xs leading-relaxed text-foreground">
          {`curl -H "Authorization: Bearer <token>" ${baseUrl}/api/trpc/account.me`}
        </ScrollFrame>
        <p>
          The <code className="font-mono text-foreground">baton</code> command-line tool reads the address and the token from the environment:
        </p>
        <ScrollFrame as="pre" label="Environment for the baton CLI" className="overflow-x-auto rounded-md border border-border bg-surface-muted px-3 py-2 font-mono text-xs leading-relaxed text-foreground">
          {`export BATON_URL=${baseUrl}\nexport BATON_TOKEN=<token>`}
        </ScrollFrame>
        <p className="text-xs">Tokens cannot create or revoke other tokens; manage them here, signed in.</p>
      </div>
    </Card>
  );
}
