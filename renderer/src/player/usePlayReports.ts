import { useEffect, useRef } from 'react';
import type { Language, PlayCause, PlayEvent, ScreenState, Slide } from '../../../contract';
import type { SlideshowState } from './slideshow';

export interface PlayReportInput {
  report: ((event: PlayEvent) => void) | undefined;
  state: SlideshowState;
  slides: readonly Slide[];
  playlistId: string;
  language: Language;
  largeText: boolean;
  presenting: boolean;
  screen: ScreenState;
}

/**
 * Tells main's play log what the patients' screen shows: each slide as it arrives (and how:
 * the loop, a swipe, a tap, a key, the presenter), touches and the idle resume, language and
 * text-size changes, and the screen's state. Only ids, languages and causes: nothing a person
 * typed or is.
 */
export function usePlayReports(input: PlayReportInput): void {
  const { report, state, slides, playlistId, language, largeText, presenting, screen } = input;
  const lastInput = useRef<'tap' | 'key'>('tap');
  useEffect(() => {
    const onKey = () => (lastInput.current = 'key');
    const onPointer = () => (lastInput.current = 'tap');
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, []);

  useEffect(() => {
    report?.({ kind: 'screen', state: screen });
  }, [report, screen]);

  const reported = useRef<{ run: number; slideId: string } | null>(null);
  const slideId = slides[Math.min(state.index, slides.length - 1)]?.id;
  useEffect(() => {
    if (!report || !slideId || screen !== 'playing') return;
    const last = reported.current;
    if (last && last.run === state.run) return;
    // A countdown restarted on the same slide (a new time, a changed list) is not a new play.
    if (last && last.slideId === slideId && state.arrival !== 'auto') return;
    const arrivedBy: PlayCause = !last
      ? 'start'
      : state.arrival === 'auto'
        ? 'loop'
        : state.arrival === 'swipe'
          ? 'swipe'
          : presenting
            ? 'presenter'
            : lastInput.current;
    reported.current = { run: state.run, slideId };
    report({ kind: 'slide', slideId, playlistId, language, arrivedBy, rotating: state.rotating });
  }, [
    report,
    slideId,
    state.run,
    state.arrival,
    state.rotating,
    playlistId,
    language,
    presenting,
    screen,
  ]);
  // After a stop (closed hours, the admin), the slide on screen is a new play again.
  useEffect(() => {
    if (screen !== 'playing') reported.current = null;
  }, [screen]);

  const wasRotating = useRef(state.rotating);
  useEffect(() => {
    if (!report || presenting) return;
    if (wasRotating.current && !state.rotating) report({ kind: 'touch' });
    if (!wasRotating.current && state.rotating) report({ kind: 'idle-resume' });
    wasRotating.current = state.rotating;
  }, [report, presenting, state.rotating]);

  const shown = useRef({ language, largeText });
  useEffect(() => {
    if (!report) return;
    if (shown.current.language !== language) report({ kind: 'language', language });
    if (shown.current.largeText !== largeText) report({ kind: 'text-size', large: largeText });
    shown.current = { language, largeText };
  }, [report, language, largeText]);
}
