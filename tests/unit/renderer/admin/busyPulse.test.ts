import { afterEach, describe, expect, it, vi } from 'vitest';
import { whileBusy } from '../../../../renderer/src/admin/busyPulse';

afterEach(() => {
  vi.useRealTimers();
});

describe('whileBusy', () => {
  it('pulses at once and every interval while the call runs, and stops when it ends', async () => {
    vi.useFakeTimers();
    const pulse = vi.fn();
    let finish: (value: string) => void = () => undefined;
    const running = whileBusy(
      new Promise<string>((resolve) => {
        finish = resolve;
      }),
      pulse,
      10_000,
    );
    expect(pulse).toHaveBeenCalledTimes(1);
    // A five-minute export with no progress: the pulses keep the two-minute idle away.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(pulse).toHaveBeenCalledTimes(31);
    finish('written');
    await expect(running).resolves.toBe('written');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pulse).toHaveBeenCalledTimes(31);
  });

  it('stops pulsing when the call fails, and passes the failure on', async () => {
    vi.useFakeTimers();
    const pulse = vi.fn();
    const failing = whileBusy(Promise.reject(new Error('unplugged')), pulse, 1000);
    await expect(failing).rejects.toThrow('unplugged');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pulse).toHaveBeenCalledTimes(1);
  });
});
