import { describe, expect, it } from "vitest";
import { BackgroundWork } from "./background-work";

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("BackgroundWork", () => {
  it("drains only when the work added meanwhile has finished too", async () => {
    const done: string[] = [];
    const work = new BackgroundWork(() => {});
    work.add(later("first", 20).then((name) => {
      done.push(name);
      work.add(later("second", 20).then((next) => void done.push(next)));
    }));
    await work.drain();
    expect(done).toEqual(["first", "second"]);
  });

  it("reports a failure and does not end the drain with it", async () => {
    const errors: unknown[] = [];
    const work = new BackgroundWork((error) => errors.push(error));
    work.add(Promise.reject(new Error("advance failed")));
    work.add(later("ok", 10));
    await work.drain();
    expect(errors).toEqual([new Error("advance failed")]);
  });
});
