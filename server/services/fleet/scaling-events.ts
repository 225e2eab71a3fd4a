// ScalingEvents: every decision a daemon made about its fleet, written by the daemons and listed
// on the agents page. One view shape for the list and the live `fleet:scaling` event.
import type { ScalingAction, ScalingEventMessage } from "../../contracts/realtime";
import type { Db } from "../../db/create-prisma";
import type { RealtimePublisher } from "../../realtime/publisher";

export interface NewScalingEvent {
  host: string;
  profileId: string;
  action: ScalingAction;
  reason: string;
  fromCount: number;
  toCount: number;
}

const select = { id: true, host: true, action: true, reason: true, fromCount: true, toCount: true, createdAt: true, profile: { select: { name: true } } } as const;

type Row = { id: string; host: string; action: string; reason: string; fromCount: number; toCount: number; createdAt: Date; profile: { name: string } };

const toView = ({ profile, createdAt, ...row }: Row) => ({ ...row, action: row.action as ScalingAction, profile: profile.name, createdAt });

export async function recordScalingEvent(deps: { db: Db; publisher: RealtimePublisher }, event: NewScalingEvent) {
  const row = await deps.db.scalingEvent.create({ data: event, select });
  const view = toView(row);
  deps.publisher.scalingEvent({ ...view, createdAt: view.createdAt.toISOString() } satisfies ScalingEventMessage);
  return view;
}

export async function listScalingEvents(db: Db, options: { limit: number }) {
  const rows = await db.scalingEvent.findMany({ orderBy: { createdAt: "desc" }, take: options.limit, select });
  return rows.map(toView);
}
