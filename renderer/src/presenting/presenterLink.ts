/**
 * Keeps the audience view and the presenter view on the same slide, build step and blank
 * state, whichever one is driven. Both are pages of the same origin, so a BroadcastChannel
 * joins them in Electron (two windows) and in the browser preview (two tabs) alike.
 */

export interface PresentingPosition {
  index: number;
  step: number;
  blank: boolean;
}

export type LinkMessage =
  /** `reply`: an answer to a "hello", i.e. where that view was, not a move it just made. */
  | { kind: 'position'; from: string; position: PresentingPosition; reply?: boolean }
  | { kind: 'hello'; from: string };

export interface LinkChannel {
  post(message: LinkMessage): void;
  subscribe(listener: (message: LinkMessage) => void): () => void;
  close(): void;
}

export const PRESENTING_CHANNEL = 'clinic-kiosk-presenting';

export function broadcastChannel(name = PRESENTING_CHANNEL): LinkChannel {
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      const onMessage = (event: MessageEvent<LinkMessage>) => listener(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

export interface PresenterLinkOptions {
  channel: LinkChannel;
  /** This view's own id, so it ignores its own messages. */
  id: string;
  getPosition: () => PresentingPosition;
  applyPosition: (position: PresentingPosition) => void;
}

export interface PresenterLink {
  /** Tell the other views where this one is now (after a local change). */
  announce(): void;
  dispose(): void;
}

export function samePosition(a: PresentingPosition, b: PresentingPosition): boolean {
  return a.index === b.index && a.step === b.step && a.blank === b.blank;
}

export function createPresenterLink(options: PresenterLinkOptions): PresenterLink {
  const { channel, id } = options;
  let lastSent: PresentingPosition | null = null;
  const initial = options.getPosition();
  /** Moved here since saying hello: an answer to that hello is older news than this move. */
  let movedLocally = false;
  const unsubscribe = channel.subscribe((message) => {
    if (message.from === id) return;
    if (message.kind === 'hello') {
      channel.post({ kind: 'position', from: id, position: options.getPosition(), reply: true });
      return;
    }
    if (!isPosition(message.position)) return;
    if (message.reply && movedLocally) {
      // Keep our newer move, and tell the others again.
      const position = options.getPosition();
      lastSent = position;
      channel.post({ kind: 'position', from: id, position });
      return;
    }
    lastSent = message.position;
    if (!samePosition(message.position, options.getPosition())) {
      options.applyPosition(message.position);
    }
  });
  // A view that opens late asks where the others are.
  channel.post({ kind: 'hello', from: id });
  return {
    announce() {
      const position = options.getPosition();
      if (lastSent && samePosition(lastSent, position)) return;
      if (!lastSent && samePosition(initial, position)) {
        lastSent = position;
        return; // nothing has moved yet: the hello already asked the others
      }
      movedLocally = true;
      lastSent = position;
      channel.post({ kind: 'position', from: id, position });
    },
    dispose() {
      unsubscribe();
      channel.close();
    },
  };
}

function isPosition(value: unknown): value is PresentingPosition {
  if (!value || typeof value !== 'object') return false;
  const { index, step, blank } = value as Record<string, unknown>;
  return (
    Number.isInteger(index) &&
    (index as number) >= 0 &&
    Number.isInteger(step) &&
    (step as number) >= 0 &&
    typeof blank === 'boolean'
  );
}
