/**
 * The one floating explanation: what the hovered or focused node, log entry,
 * message or rule chip is, and why it is in that state (whyText). It follows
 * the simulation while it is open, so a node's explanation changes as the node
 * does, but it is placed only when its item is reached (useWhyTarget), never
 * per frame.
 *
 * It is always in the document, empty when nothing is explained, because every
 * explained element names it in aria-describedby: its text is their accessible
 * description.
 */
import { useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { placeTooltip } from './placeTooltip.ts';
import { useWhyTarget } from './useWhyTarget.ts';
import { useWhyText } from './useWhyText.ts';
import { clickHint, WHY_TOOLTIP_ID } from './whyTarget.ts';
import './explain.css';

export function WhyTooltip() {
  const anchor = useWhyTarget();
  const target = anchor?.target ?? null;
  const text = useWhyText(target);
  const hint = target === null ? null : clickHint(target);
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null || anchor === null || text === null) return;
    const size = el.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };
    const at = placeTooltip(anchor.box, size, viewport);
    el.style.left = `${at.left}px`;
    el.style.top = `${at.top}px`;
    el.dataset.above = String(at.above);
  }, [anchor, text]);

  const shown = anchor !== null && text !== null;
  return createPortal(
    <div
      ref={ref}
      id={WHY_TOOLTIP_ID}
      role="tooltip"
      data-testid="why-tooltip"
      data-target={target?.kind ?? ''}
      className="why-tooltip"
      hidden={!shown}
    >
      {shown && (
        <>
          {text}
          {hint !== null && <span className="why-hint"> {hint}</span>}
        </>
      )}
    </div>,
    document.body,
  );
}
