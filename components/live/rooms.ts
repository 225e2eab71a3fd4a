// Room names the server accepts; mirrors the realtime contract without pulling its zod schemas
// into the browser bundle.
export const taskRoom = (taskId: string) => `task:${taskId}`;
export const TASKS_ROOM = "tasks";
export const FLEET_ROOM = "fleet";
