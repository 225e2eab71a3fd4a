"use client";
// Scrolling of the virtualised log. Follow mode keeps the newest line in view as lines arrive;
// scrolling up lets go (only upward movement counts, so rows growing as they are measured never
// stop it) and returning to the bottom picks up again. Out of follow mode the reader keeps their
// place when older history is added above or the filters change: the first row in view is
// remembered by seq and put back at the same offset.
import { useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { LogRow } from "./group-log-rows";
import { lineAnchor } from "./log-selection";
import { rowIndexAtOrAfter } from "./log-view";

/** Height of a one-line row on wide screens; rows are never shorter, only taller. */
const ROW_ESTIMATE_PX = 24;
/** Within this many pixels of the bottom counts as at the bottom. */
const BOTTOM_SLACK_PX = 24;

export function useLogScroll(rows: readonly LogRow[]) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [following, setFollowingState] = useState(true);
  const followingRef = useRef(true);
  const lastTop = useRef(0);
  const place = useRef<{ seq: number; offset: number } | null>(null);
  const shownRows = useRef(rows);
  /** Cancels a centring on a line that is still waiting for its row (see centreLineWhenDrawn). */
  const centring = useRef<(() => void) | null>(null);
  useEffect(() => () => centring.current?.(), []);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read where it is created, never memoised past a render
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (index) => rows[index]!.key,
    overscan: 12,
  });

  const [pausedAfterSeq, setPausedAfterSeq] = useState(0);
  const setFollowing = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowingState(value);
    if (!value) setPausedAfterSeq(shownRows.current.at(-1)?.events.at(-1)?.seq ?? 0);
  }, []);

  const rememberPlace = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    // From the measurements, not the rendered items: those may not have caught up with this scroll.
    const top = element.scrollTop;
    const items = virtualizer.measurementsCache;
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (items[mid]!.end > top) high = mid;
      else low = mid + 1;
    }
    const item = items[low];
    const row = item && shownRows.current[item.index];
    place.current = row && item ? { seq: row.key, offset: top - item.start } : null;
  }, [virtualizer]);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const top = element.scrollTop;
    if (element.scrollHeight - top - element.clientHeight <= BOTTOM_SLACK_PX) {
      if (!followingRef.current) setFollowing(true);
    } else if (top < lastTop.current - 1 && followingRef.current) {
      setFollowing(false);
    }
    lastTop.current = top;
    rememberPlace();
  }, [rememberPlace, setFollowing]);

  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const changed = shownRows.current !== rows;
    shownRows.current = rows;
    if (!element) return;
    if (followingRef.current) {
      element.scrollTop = element.scrollHeight;
      lastTop.current = element.scrollTop;
      return;
    }
    const kept = place.current;
    if (!changed || !kept || rows.length === 0) return;
    const start = virtualizer.measurementsCache[rowIndexAtOrAfter(rows, kept.seq)]?.start;
    if (start !== undefined && Math.abs(element.scrollTop - (start + kept.offset)) > 1) {
      element.scrollTop = start + kept.offset;
      lastTop.current = element.scrollTop;
    }
  }, [rows, totalSize, following, virtualizer]);

  /**
   * Leaves follow mode and brings a row to the middle of the view. With `seq`, a line within the
   * row: streamed text joins into one row that can be many screens tall, so once the row is drawn
   * and measured the view moves on to the line itself.
   */
  const reveal = useCallback(
    (index: number, seq?: number) => {
      setFollowing(false);
      virtualizer.scrollToIndex(index, { align: "center" });
      const top = scrollRef.current?.scrollTop ?? 0;
      const row = shownRows.current[index];
      const start = virtualizer.measurementsCache[index]?.start;
      lastTop.current = top;
      place.current = row && start !== undefined ? { seq: row.key, offset: top - start } : null;
      centring.current?.();
      centring.current = seq !== undefined && row && row.key !== seq ? centreLineWhenDrawn(scrollRef, virtualizer, seq) : null;
    },
    [setFollowing, virtualizer],
  );

  const jumpToLatest = useCallback(() => setFollowing(true), [setFollowing]);

  /** The row at the top of the view, where a search starts. */
  const topIndex = useCallback(() => virtualizer.getVirtualItems().find((item) => item.end > (scrollRef.current?.scrollTop ?? 0))?.index ?? 0, [virtualizer]);

  return { scrollRef, virtualizer, following, pausedAfterSeq, onScroll, reveal, jumpToLatest, topIndex };
}

/** Frames a line inside a tall row is looked for, and then left to settle, before the view moves to it. */
const LINE_SEARCH_FRAMES = 60;
const SETTLE_FRAMES = 2;
/** What the reader does that takes the view from the centring: their move wins. */
const READER_INPUT = ["wheel", "pointerdown", "touchstart", "keydown"] as const;

/**
 * Centres line `seq` in the view once its row is drawn and has kept its size for a couple of
 * frames (the virtualiser is done measuring and aligning the row by then), or at the last frame
 * looked, for a row that keeps growing. The virtualiser's own scroll command takes over from the
 * row's, so it does not pull the view back. Returns a cancel, for a newer reveal; the reader's
 * own scrolling cancels it too.
 */
function centreLineWhenDrawn(scrollRef: RefObject<HTMLDivElement | null>, virtualizer: Virtualizer<HTMLDivElement, Element>, seq: number): () => void {
  let frames = 0;
  let steady = 0;
  let lastHeight = -1;
  let frame = 0;
  const element = scrollRef.current;
  const cancel = () => {
    cancelAnimationFrame(frame);
    for (const type of READER_INPUT) element?.removeEventListener(type, cancel);
  };
  for (const type of READER_INPUT) element?.addEventListener(type, cancel, { passive: true });
  const step = () => {
    const view = scrollRef.current;
    const line = view?.querySelector<HTMLElement>(`#${lineAnchor(seq)}`);
    const row = line?.closest<HTMLElement>("[data-index]");
    const last = ++frames >= LINE_SEARCH_FRAMES;
    if (view && line && row) {
      const height = row.offsetHeight;
      steady = height === lastHeight ? steady + 1 : 0;
      lastHeight = height;
      if (steady >= SETTLE_FRAMES || last) {
        const box = line.getBoundingClientRect();
        const frameBox = view.getBoundingClientRect();
        virtualizer.scrollToOffset(view.scrollTop + box.top - frameBox.top - (frameBox.height - box.height) / 2);
        cancel();
        return;
      }
    }
    if (last || !view) cancel();
    else frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
  return cancel;
}
