// Downloads one file of a task's workspace; the checks live in server/api/task-file-download.ts.
import { handleTaskFileRequest } from "@/server/api/task-file-download";
import { webDeps } from "@/server/web-deps";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string; path: string[] }> }) {
  const { id, path } = await params;
  return handleTaskFileRequest(req, { deps: webDeps(), taskId: id, segments: path });
}
