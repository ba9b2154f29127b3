import { useEffect } from 'react';

const CURSOR_IDLE_MS = 3000;

/**
 * What a touchscreen kiosk hides: the mouse cursor once the mouse rests, and the context menu
 * of a right click or long press.
 */
export function useKioskPointerHygiene(): void {
  useEffect(() => {
    const body = document.body;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hideSoon = () => {
      body.classList.remove('hide-cursor');
      clearTimeout(timer);
      timer = setTimeout(() => body.classList.add('hide-cursor'), CURSOR_IDLE_MS);
    };
    const onPointerMove = (event: PointerEvent) => {
      // Touch also fires compatibility mouse events; only a real mouse shows the cursor.
      if (event.pointerType === 'touch') return;
      hideSoon();
    };
    const onContextMenu = (event: Event) => event.preventDefault();
    body.classList.add('hide-cursor');
    window.addEventListener('pointermove', onPointerMove, { passive: true });
    window.addEventListener('contextmenu', onContextMenu);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', onPointerMove);
      window.removeEventListener('contextmenu', onContextMenu);
      body.classList.remove('hide-cursor');
    };
  }, []);
}
