// Leading-and-trailing throttle: a burst of events runs the work at once and once more after the
// burst, so the last change is never missed.
export interface Throttled {
  (): void;
  cancel(): void;
}

export function throttle(run: () => void, waitMs: number): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = Date.now();
    run();
  };
  const throttled = () => {
    if (timer) return;
    const wait = last + waitMs - Date.now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
