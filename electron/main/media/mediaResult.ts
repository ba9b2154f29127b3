/**
 * How the media modules answer: a value, or a refusal with the problem the admin translates
 * for staff, a plain English detail, and (for a disk that refused a write) why.
 */
import type { MediaProblem, WriteCause } from '../../../contract';

export type MediaResult<T> =
  | { ok: true; value: T }
  /** `cause`: why the kiosk's disk refused a write ('write-failed' only). */
  | { ok: false; problem: MediaProblem; message: string; cause?: WriteCause };

export type MediaRefusal = Extract<MediaResult<never>, { ok: false }>;

export const MB = 1024 * 1024;

/** Carries a refusal out of deep helpers; turned into a `MediaResult` at the edge. */
export class MediaFailure extends Error {
  constructor(
    readonly problem: MediaProblem,
    message: string,
    readonly writeCause?: WriteCause,
  ) {
    super(message);
  }
}

export function refuse(
  problem: MediaProblem,
  message: string,
  cause?: WriteCause,
): { ok: false; problem: MediaProblem; message: string; cause?: WriteCause } {
  return cause ? { ok: false, problem, message, cause } : { ok: false, problem, message };
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

export function describeError(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

/** "25 MB", "1024 MB"; tiny limits (tests) in bytes. */
export function formatLimit(bytes: number): string {
  if (bytes < MB) return `${bytes} bytes`;
  return `${Number((bytes / MB).toFixed(1))} MB`;
}
