"use client";
// Follow mode for a scrolling log: stays pinned to the bottom as lines arrive, lets go as soon
// as the reader scrolls up, and picks up again when they return to the bottom.
import { useLayoutEffect, useRef, useState } from "react";

/** Within this many pixels of the bottom counts as "at the bottom". */
const SLACK_PX = 32;

export function useFollowScroll<T extends HTMLElement>(contentKey: unknown) {
  const ref = useRef<T>(null);
  const [following, setFollowing] = useState(true);

  useLayoutEffect(() => {
    const element = ref.current;
    if (following && element) element.scrollTop = element.scrollHeight;
  }, [contentKey, following]);

  const onScroll = () => {
    const element = ref.current;
    if (!element) return;
    setFollowing(element.scrollHeight - element.scrollTop - element.clientHeight <= SLACK_PX);
  };

  const follow = () => {
    const element = ref.current;
    if (element) element.scrollTop = element.scrollHeight;
    setFollowing(true);
  };

  return { ref, following, onScroll, follow };
}
