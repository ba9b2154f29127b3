/**
 * Work that changes the settings or the media folder takes turns: staff saves, reviews, media
 * deletes, setup exports, imports and restores, and the fleet's switch to a published setup.
 * A task waits for the one before it, whether that one succeeded or failed.
 */
export type TaskQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function createTaskQueue(): TaskQueue {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}
