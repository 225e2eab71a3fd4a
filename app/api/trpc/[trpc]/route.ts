import { handleTrpcRequest } from "@/server/api/handle-request";
import { originOf } from "@/server/auth/csrf";
import { baseUrl } from "@/server/env";
import { webDeps } from "@/server/web-deps";

const allowedOrigin = originOf(baseUrl);
const handler = (req: Request) => handleTrpcRequest(req, { deps: webDeps(), allowedOrigin });

export { handler as GET, handler as POST };
