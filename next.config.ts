// Next.js settings. Server-only drivers stay out of the bundle: they load native bindings or
// optional peers at run time and only work when required from node_modules.
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  devIndicators: false,
  // forbidden() answers pages a role may not open with a real 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  // A shared page's URL is its credential: never send it on to another site.
  async headers() {
    return [
      // No page of Baton is meant to be framed by another site (clickjacking an approval or a cancel).
      { source: "/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }, { key: "Content-Security-Policy", value: "frame-ancestors 'none'" }] },
      { source: "/share/:token*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }, { key: "X-Robots-Tag", value: "noindex, nofollow" }] },
    ];
  },
  // The test run type-checks the whole project (tsc) beside the build; it asks the build not to
  // do it a second time.
  typescript: { ignoreBuildErrors: process.env.BATON_BUILD_SKIP_TYPECHECK === "1" },
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "ioredis", "bullmq", "@socket.io/redis-emitter"],
};

export default nextConfig;
