// Sign-in: one button per configured OAuth provider, plus the development form when enabled.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { signInWith } from "@/server/auth/actions";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { currentActor } from "@/server/auth/page-access";
import { providerSummaries } from "@/server/auth/providers";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Sign in · Baton" };

/** Auth.js reports failures as `?error=<type>`; these are the ones a user can act on. */
const ERROR_MESSAGES: Record<string, string> = {
  OAuthAccountNotLinked: "This e-mail address already signs in with another provider. Use the provider you used before.",
  AccessDenied: "Sign-in was refused.",
  Configuration: "Sign-in is misconfigured on the server. An administrator should check the provider settings in the server log.",
  OAuthCallbackError: "The provider did not complete the sign-in. Try again.",
  OAuthSignInError: "Could not start the sign-in with that provider. Try again.",
  DevLoginInvalid: "Enter a valid e-mail address.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl: rawCallback, error } = await searchParams;
  const callbackUrl = safeCallbackPath(rawCallback);
  if (await currentActor()) redirect(callbackUrl);
  const providers = providerSummaries(env);

  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Baton</h1>
      <p className="mt-2 text-sm text-muted">Use your team’s account. New people need an invitation or an allowed e-mail domain.</p>
      {error ? (
        <Alert className="mt-6" title="Could not sign you in">
          {ERROR_MESSAGES[error] ?? "Something went wrong while signing in. Try again."}
        </Alert>
      ) : null}

      <Card className="mt-6 space-y-3 p-5">
        {providers.map((provider) => (
          <form key={provider.id} action={signInWith.bind(null, provider.id, callbackUrl)}>
            <Button type="submit" variant="primary" className="w-full">
              Continue with {provider.name}
            </Button>
          </form>
        ))}
        {providers.length === 0 && !env.BATON_DEV_LOGIN ? (
          <p className="text-sm text-muted" data-testid="no-providers">
            No sign-in provider is configured. Set <code className="font-mono">AUTH_GITHUB_ID</code>/<code className="font-mono">AUTH_GITHUB_SECRET</code>,{" "}
            <code className="font-mono">AUTH_GOOGLE_ID</code>/<code className="font-mono">AUTH_GOOGLE_SECRET</code> or{" "}
            <code className="font-mono">AUTH_OIDC_ISSUER</code>/<code className="font-mono">AUTH_OIDC_ID</code>/<code className="font-mono">AUTH_OIDC_SECRET</code> and restart.
          </p>
        ) : null}

        {env.BATON_DEV_LOGIN ? (
          <form method="post" action="/api/dev-login" className={providers.length ? "border-t border-border pt-4" : undefined}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Label htmlFor="dev-email">E-mail (development sign-in)</Label>
            <Input id="dev-email" name="email" type="email" required defaultValue="dev@localhost.test" autoComplete="email" className="mt-1" />
            <Button type="submit" variant={providers.length ? "secondary" : "primary"} className="mt-3 w-full">
              Sign in without a password
            </Button>
          </form>
        ) : null}
      </Card>
    </div>
  );
}
