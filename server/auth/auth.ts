// Auth.js: OAuth sign-in with sessions stored in PostgreSQL through the Prisma adapter. The join
// policy decides who may become a user; everything after sign-in reads the session row directly
// (server/auth/authenticate.ts), so pages, tRPC and Socket.IO share one check.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "../db";
import { env } from "../env";
import { recordAudit } from "../services/audit/record-audit";
import { emailVerification } from "./email-verified";
import { admitUser, decideJoin, normaliseEmail } from "./join-policy";
import { oauthProviders } from "./providers";

export const NOT_INVITED_PATH = "/not-invited";

function batonAdapter(): Adapter {
  const prisma = PrismaAdapter(db as never);
  return {
    ...prisma,
    getUserByEmail: (email) => prisma.getUserByEmail!(normaliseEmail(email)),
    // Role and invitation bookkeeping happen as the user is created, inside one transaction.
    createUser: async (user) => (await admitUser(db, user, env.BATON_ALLOWED_DOMAINS)) as AdapterUser,
    // Keep only the identity: Baton never calls the provider's API, so it stores no provider tokens.
    linkAccount: async ({ userId, type, provider, providerAccountId }) => {
      await db.account.create({ data: { userId, type, provider, providerAccountId } });
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth({
  adapter: batonAdapter(),
  providers: oauthProviders(env),
  secret: env.BATON_SECRET,
  trustHost: true,
  session: { strategy: "database" },
  pages: { signIn: "/signin", error: "/signin" },
  callbacks: {
    async signIn({ user, profile, account }) {
      const email = user.email ?? profile?.email;
      if (!email) return `${NOT_INVITED_PATH}?reason=no-email`;
      const provider = account?.provider ?? "unknown";
      if (emailVerification(provider, profile, { trustOidcEmails: env.AUTH_OIDC_EMAILS_VERIFIED }) === "unverified") {
        await recordAudit(db, { action: "auth.refused", data: { email: normaliseEmail(email), provider, reason: "unverified" } });
        return `${NOT_INVITED_PATH}?reason=unverified`;
      }
      const decision = await decideJoin(db, email, env.BATON_ALLOWED_DOMAINS);
      if (decision.allowed) return true;
      await recordAudit(db, { action: "auth.refused", data: { email: normaliseEmail(email), provider, reason: decision.reason } });
      return `${NOT_INVITED_PATH}?reason=${decision.reason === "disabled" ? "removed" : "not-invited"}`;
    },
  },
  events: {
    async signIn({ user, account }) {
      if (!user.id || !user.email) return;
      await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
      await recordAudit(db, { actor: { userId: user.id, email: user.email }, action: "auth.signed_in", data: { provider: account?.provider ?? "unknown" } });
    },
  },
});
