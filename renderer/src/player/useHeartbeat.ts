import { useEffect, useRef } from 'react';
import type { HeartbeatReport } from '../../../contract';
import type { SlideshowState } from './slideshow';

const HEARTBEAT_MS = 5000;

/**
 * Tells main the page is alive every few seconds. Each beat is sent from inside an animation
 * frame, so a page that no longer draws goes quiet and the watchdog steps in.
 */
export function useHeartbeat(
  send: ((beat: HeartbeatReport) => void) | undefined,
  state: SlideshowState,
): void {
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  useEffect(() => {
    if (!send) return;
    let frame = 0;
    const beat = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const { run, rotating, index } = latest.current;
        send({ run, rotating, index });
      });
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => {
      clearInterval(timer);
      cancelAnimationFrame(frame);
    };
  }, [send]);
}
