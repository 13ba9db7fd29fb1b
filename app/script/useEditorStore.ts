/** The Script panel's editor state (editorState.ts), from the session of the nearest SessionProvider. */
import { useStore } from 'zustand';
import { useSession } from '../session/useSession.ts';
import type { EditorState } from './editorState.ts';

export function useEditorStore<T>(selector: (s: EditorState) => T): T {
  return useStore(useSession().editor.store, selector);
}
