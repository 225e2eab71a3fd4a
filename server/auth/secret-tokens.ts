// Random bearer secrets (API tokens, share links) and the one-way hash that is all we store.
// SHA-256 without a salt is enough here: the secrets are 128+ random bits, not passwords, so
// there is nothing to guess, and an unsalted hash lets a request find its row by index.
import { createHash, randomBytes } from "node:crypto";

const API_TOKEN_PREFIX = "baton_";
/** Characters of an API token shown in lists so its owner can tell tokens apart. */
const API_TOKEN_VISIBLE = API_TOKEN_PREFIX.length + 6;

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** `baton_` + 192 random bits, base64url. */
export function newApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = API_TOKEN_PREFIX + randomBytes(24).toString("base64url");
  return { token, prefix: token.slice(0, API_TOKEN_VISIBLE), tokenHash: hashSecret(token) };
}

export function looksLikeApiToken(value: string): boolean {
  return /^baton_[A-Za-z0-9_-]{32}$/.test(value);
}

/** 128 random bits, base64url: 22 characters that fit in a URL path. */
export function newShareToken(): { token: string; tokenHash: string } {
  const token = randomBytes(16).toString("base64url");
  return { token, tokenHash: hashSecret(token) };
}

export function looksLikeShareToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(value);
}
