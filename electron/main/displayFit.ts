/** A rectangle in screen coordinates, as Electron's `Display.bounds`. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: number;
  bounds: Bounds;
}

/**
 * The display the kiosk should fill: the one staff chose if it is still connected, else the
 * primary one. Unplugging a screen never leaves the window on a display that is gone.
 */
export function chooseDisplay(
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
  preferredId: number | null,
): DisplayInfo {
  return displays.find((display) => display.id === preferredId) ?? primary;
}

/**
 * Where the presenter view goes when presenting: the display staff chose for it if connected,
 * else any display other than the audience's; null with one display (the clinician then
 * toggles the presenter view on the one screen).
 */
export function choosePresenterDisplay(
  displays: readonly DisplayInfo[],
  audience: DisplayInfo,
  preferredId: number | null,
): DisplayInfo | null {
  const others = displays.filter((display) => display.id !== audience.id);
  return others.find((display) => display.id === preferredId) ?? others[0] ?? null;
}
