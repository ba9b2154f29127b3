import { describe, expect, it, vi } from 'vitest';
import {
  createPresenterLink,
  type LinkChannel,
  type LinkMessage,
  type PresentingPosition,
} from '../../../../renderer/src/presenting/presenterLink';
import { createSlideshow } from '../../../../renderer/src/player/slideshow';

/** An in-memory stand-in for BroadcastChannel: every view hears every other view. */
function createBus() {
  const listeners = new Set<(message: LinkMessage) => void>();
  const channel = (): LinkChannel => {
    const own = new Set<(message: LinkMessage) => void>();
    return {
      post: (message) => {
        for (const listener of [...listeners]) listener(structuredClone(message));
      },
      subscribe(listener) {
        listeners.add(listener);
        own.add(listener);
        return () => listeners.delete(listener);
      },
      close: () => own.forEach((listener) => listeners.delete(listener)),
    };
  };
  return { channel };
}

function view(bus: { channel: () => LinkChannel }, id: string, start: PresentingPosition) {
  let position = { ...start };
  const applied = vi.fn((next: PresentingPosition) => {
    position = { ...next };
  });
  const link = createPresenterLink({
    channel: bus.channel(),
    id,
    getPosition: () => position,
    applyPosition: applied,
  });
  return {
    link,
    applied,
    get position() {
      return position;
    },
    move(next: Partial<PresentingPosition>) {
      position = { ...position, ...next };
      link.announce();
    },
  };
}

/** Like createBus, but messages wait until `flush()`: the order real windows may see. */
function createSlowBus() {
  const listeners = new Set<(message: LinkMessage) => void>();
  let queue: LinkMessage[] = [];
  const channel = (): LinkChannel => ({
    post: (message) => {
      queue.push(structuredClone(message));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => undefined,
  });
  const flush = () => {
    for (let round = 0; round < 10 && queue.length > 0; round += 1) {
      const batch = queue;
      queue = [];
      for (const message of batch) for (const listener of [...listeners]) listener(message);
    }
  };
  return { channel, flush };
}

describe('presenter link', () => {
  it('a move made before the answer to its hello arrives is kept on both screens', () => {
    const bus = createSlowBus();
    const audience = view(bus, 'audience', { index: 0, step: 0, blank: false });
    bus.flush();
    const presenter = view(bus, 'presenter', { index: 0, step: 0, blank: false });
    presenter.move({ blank: true }); // pressed at once, before the audience answered
    bus.flush();
    expect(presenter.position.blank).toBe(true);
    expect(audience.position.blank).toBe(true);
  });

  it('a late view still takes the running position when it has not moved', () => {
    const bus = createSlowBus();
    const audience = view(bus, 'audience', { index: 3, step: 0, blank: false });
    bus.flush();
    const presenter = view(bus, 'presenter', { index: 0, step: 0, blank: false });
    presenter.link.announce(); // the mount-time announce: not a move
    bus.flush();
    expect(presenter.position).toEqual({ index: 3, step: 0, blank: false });
    expect(audience.position).toEqual({ index: 3, step: 0, blank: false });
  });

  it('a view that opens late takes the position of the one already running', () => {
    const bus = createBus();
    const audience = view(bus, 'audience', { index: 4, step: 1, blank: false });
    const presenter = view(bus, 'presenter', { index: 0, step: 0, blank: false });
    expect(presenter.position).toEqual({ index: 4, step: 1, blank: false });
    expect(audience.applied).not.toHaveBeenCalled();
  });

  it('keeps both in step whichever one is driven, without echoing back and forth', () => {
    const bus = createBus();
    const audience = view(bus, 'audience', { index: 0, step: 0, blank: false });
    const presenter = view(bus, 'presenter', { index: 0, step: 0, blank: false });
    presenter.move({ index: 2 });
    expect(audience.position).toEqual({ index: 2, step: 0, blank: false });
    audience.move({ step: 1 });
    expect(presenter.position).toEqual({ index: 2, step: 1, blank: false });
    presenter.move({ blank: true });
    expect(audience.position.blank).toBe(true);
    expect(audience.applied).toHaveBeenCalledTimes(2);
    expect(presenter.applied).toHaveBeenCalledTimes(1); // only the step: the rest it made itself
  });

  it('ignores malformed messages', () => {
    const bus = createBus();
    const audience = view(bus, 'audience', { index: 1, step: 0, blank: false });
    bus
      .channel()
      .post({ kind: 'position', from: 'x', position: { index: -1, step: 0, blank: false } });
    bus.channel().post({
      kind: 'position',
      from: 'x',
      position: { index: 'two', step: 0 } as unknown as PresentingPosition,
    });
    expect(audience.position.index).toBe(1);
  });
});

describe('a presenting slideshow taking a position from another view', () => {
  it('moves to the slide and build step without starting to rotate', () => {
    const slideshow = createSlideshow({
      slides: [
        { durationMs: 10_000, steps: 0 },
        { durationMs: 10_000, steps: 3 },
      ],
      idleTimeoutMs: 60_000,
      resumeWhenIdle: false,
      autoplay: false,
      stepThroughBuilds: true,
    });
    slideshow.setPosition(1, 2);
    expect(slideshow.getState()).toMatchObject({ index: 1, step: 2, steps: 3, rotating: false });
    slideshow.setPosition(1, 9);
    expect(slideshow.getState().step).toBe(3);
    slideshow.setPosition(5, 0);
    expect(slideshow.getState().index).toBe(1);
    slideshow.dispose();
  });
});
