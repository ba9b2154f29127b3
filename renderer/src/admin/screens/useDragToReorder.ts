import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

/**
 * Reordering with a finger: press the ≡ handle and move; the entry takes the place of the row
 * under the finger as it passes each row's middle.
 */
export function useDragToReorder(onMove: (from: number, to: number) => void) {
  const listRef = useRef<HTMLOListElement>(null);
  const [draggingIndex, setDraggingIndex] = useState<number | null>(null);
  const current = useRef<number | null>(null);

  const start = (event: ReactPointerEvent<HTMLElement>, index: number) => {
    if (!event.isPrimary) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    current.current = index;
    setDraggingIndex(index);
    const onPointerMove = (moveEvent: PointerEvent) => {
      const list = listRef.current;
      const from = current.current;
      if (!list || from === null) return;
      const rows = [...list.children] as HTMLElement[];
      let to = from;
      rows.forEach((row, at) => {
        const rect = row.getBoundingClientRect();
        const middle = rect.top + rect.height / 2;
        if (at < from && moveEvent.clientY < middle) to = Math.min(to, at);
        if (at > from && moveEvent.clientY > middle) to = Math.max(to, at);
      });
      if (to !== from) {
        onMove(from, to);
        current.current = to;
        setDraggingIndex(to);
      }
    };
    const end = () => {
      current.current = null;
      setDraggingIndex(null);
      handle.removeEventListener('pointermove', onPointerMove);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', onPointerMove);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };

  return { listRef, draggingIndex, start };
}
