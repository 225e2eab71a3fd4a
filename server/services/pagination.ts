// Cursor pagination on (createdAt desc, id desc): the cursor is the last row's id.
import { z } from "zod";

export const ZPageRequestSchema = z.object({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(64).optional(),
});

export type PageRequest = z.output<typeof ZPageRequestSchema>;

export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** Prisma arguments that fetch one row more than the page, to know whether another page follows. */
export function pageArgs(request: PageRequest) {
  return { take: request.limit + 1, ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}) };
}

export function toPage<T extends { id: string }>(rows: T[], request: PageRequest): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, request.limit);
  return { items, nextCursor: rows.length > request.limit ? items.at(-1)!.id : null };
}
