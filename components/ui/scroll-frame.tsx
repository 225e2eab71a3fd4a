"use client";
// A box that scrolls its content (a wide table, a long log, a line of code). While the content
// overflows, the box joins the tab order with a name, so keyboard users can scroll it with the
// arrow keys too (WCAG 2.1.1); when everything fits it stays out of the way.
import { useEffect, useRef, useState, type HTMLAttributes, type ReactNode } from "react";

type FrameTag = "div" | "pre" | "ol";

export function ScrollFrame({ as: Tag = "div", label, className, children, ...props }: { as?: FrameTag; label: string; className?: string; children: ReactNode } & HTMLAttributes<HTMLElement>) {
  const ref = useRef<HTMLElement>(null);
  const [overflows, setOverflows] = useState(false);

  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const measure = () => setOverflows(frame.scrollWidth > frame.clientWidth + 1 || frame.scrollHeight > frame.clientHeight + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    for (const child of frame.children) observer.observe(child);
    const mutations = new MutationObserver(measure);
    mutations.observe(frame, { childList: true, subtree: true, characterData: true });
    measure();
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, []);

  return (
    <Tag
      ref={ref as never}
      tabIndex={overflows ? 0 : undefined}
      aria-label={overflows ? label : undefined}
      className={className}
      {...props}
    >
      {children}
    </Tag>
  );
}
