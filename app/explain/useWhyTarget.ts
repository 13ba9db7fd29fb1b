/**
 * What the floating explanation is about, and where that item was on screen
 * when it was hovered or focused. One set of listeners on the document finds
 * explained elements by their `data-why` attribute, so no log cell or message
 * needs a handler of its own, and nothing here runs per animation frame: a
 * moving message is measured once, when the pointer reaches it.
 *
 * It stays while the pointer is on the item or the item has focus, and Escape
 * dismisses it (WCAG 1.4.13). It takes no pointer events (explain.css): it is
 * a paragraph, often over the next node or message, and it must not stand in
 * the way of clicking that. So it is not "hoverable" in 1.4.13's sense; the
 * same words are the item's accessible description, and show on focus.
 */
import { useEffect, useRef, useState } from 'react';
import type { Box } from './placeTooltip.ts';
import { parseWhy, sameTarget, type WhyTarget } from './whyTarget.ts';

export interface WhyAnchor {
  readonly target: WhyTarget;
  /** The item's box, in viewport pixels, when it was reached. */
  readonly box: Box;
  /** Reached by keyboard focus (kept while focused) or by the pointer (kept while hovered). */
  readonly by: 'focus' | 'pointer';
}

/** Hovering must rest this long before the explanation shows, so sweeping across the cluster does not flash it. */
const SHOW_AFTER_MS = 150;
/** Leaving an item for its neighbour should not flash the explanation off and on. */
const HIDE_AFTER_MS = 120;

const explained = (t: EventTarget | null): Element | null => (t instanceof Element ? t.closest('[data-why]') : null);

function anchorOf(el: Element, by: WhyAnchor['by']): WhyAnchor | null {
  const target = parseWhy(el.getAttribute('data-why'));
  if (target === null) return null;
  const r = el.getBoundingClientRect();
  return { target, box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, by };
}

export function useWhyTarget(): WhyAnchor | null {
  const [anchor, setAnchor] = useState<WhyAnchor | null>(null);
  const current = useRef<{ anchor: WhyAnchor | null; element: Element | null }>({ anchor: null, element: null });

  useEffect(() => {
    let showTimer: ReturnType<typeof setTimeout> | undefined;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const cancel = (): void => {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
    };
    const show = (el: Element, by: WhyAnchor['by']): void => {
      cancel();
      const next = anchorOf(el, by);
      const was = current.current.anchor;
      // Focus outranks the pointer: hovering the item that has focus changes nothing.
      if (next !== null && was !== null && sameTarget(was.target, next.target) && (was.by === 'focus' || by === 'pointer')) return;
      current.current = { anchor: next, element: next === null ? null : el };
      setAnchor(next);
    };
    const hide = (): void => {
      cancel();
      current.current = { anchor: null, element: null };
      setAnchor(null);
    };
    const hideSoon = (): void => {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, HIDE_AFTER_MS);
    };

    const onPointerOver = (e: PointerEvent): void => {
      const el = explained(e.target);
      if (el === null) {
        if (current.current.anchor?.by === 'pointer') hideSoon();
        else clearTimeout(showTimer);
        return;
      }
      if (el === current.current.element) {
        cancel();
        return;
      }
      // The explanation on show stays until this one replaces it.
      cancel();
      showTimer = setTimeout(() => show(el, 'pointer'), SHOW_AFTER_MS);
    };
    const onPointerLeavePage = (e: PointerEvent): void => {
      if (e.relatedTarget === null && current.current.anchor?.by === 'pointer') hideSoon();
    };
    const onFocusIn = (e: FocusEvent): void => {
      const el = explained(e.target);
      if (el !== null) show(el, 'focus');
      else if (current.current.anchor?.by === 'focus') hide();
    };
    const onFocusOut = (e: FocusEvent): void => {
      if (explained(e.relatedTarget) === null && current.current.anchor?.by === 'focus') hide();
    };
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && current.current.anchor !== null) hide();
    };
    // Scrolling moves the item; measure it again rather than leave the explanation behind.
    const onScroll = (): void => {
      const { element, anchor: a } = current.current;
      if (element === null || a === null) return;
      if (!element.isConnected) return hide();
      const next = anchorOf(element, a.by);
      current.current = { anchor: next, element };
      setAnchor(next);
    };

    document.addEventListener('pointerover', onPointerOver);
    document.addEventListener('pointerout', onPointerLeavePage);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    return () => {
      cancel();
      document.removeEventListener('pointerover', onPointerOver);
      document.removeEventListener('pointerout', onPointerLeavePage);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, []);

  return anchor;
}
