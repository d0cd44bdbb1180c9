/**
 * The scroll position and size of a scrolling box, kept up to date on scroll and resize: what a
 * windowed list or grid needs to draw only the rows in view.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export function useScrollBox<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [box, setBox] = useState({ scrollTop: 0, height: 0, width: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setBox((b) => (b.scrollTop === el.scrollTop && b.height === el.clientHeight && b.width === el.clientWidth ? b
      : { scrollTop: el.scrollTop, height: el.clientHeight, width: el.clientWidth }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  return { ref, ...box };
}
