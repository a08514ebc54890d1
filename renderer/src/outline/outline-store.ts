import { createStore } from 'zustand/vanilla';
import { roomStore } from '../room/room-store.ts';

/**
 * Whether the sidebar shows the outline. The sidebar's other tabs are the room store's
 * `sidebarTab`; the outline is a view over them, closed whenever another tab is chosen
 * (from the tab bar, the palette or a panel that opens a tab).
 */
export const outlineStore = createStore<{ open: boolean }>()(() => ({ open: false }));

roomStore.subscribe((state, previous) => {
  if (state.sidebarTab !== previous.sidebarTab && outlineStore.getState().open) outlineStore.setState({ open: false });
});
