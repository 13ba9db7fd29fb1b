/**
 * A toolbar menu: a button that opens a list under it (useDropdown places it
 * and closes it on a click elsewhere or Escape). `children` gets the function
 * that closes the list, for entries that act in place.
 */
import type { ReactNode } from 'react';
import { useDropdown } from './useDropdown.ts';

export function Dropdown(props: { testId: string; label: string; title: string; ordered?: boolean; children: (close: () => void) => ReactNode }) {
  const { ref, onToggle, close } = useDropdown();
  const List = props.ordered === true ? 'ol' : 'ul';
  return (
    <details className="dropdown" data-testid={props.testId} ref={ref} onToggle={onToggle}>
      <summary title={props.title}>{props.label} ▾</summary>
      <List className="dropdown-list">{props.children(close)}</List>
    </details>
  );
}
