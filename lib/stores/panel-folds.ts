import { create } from 'zustand';
import { storage } from 'wxt/utils/storage';

/** The side panel's sections a rep can fold to one line. */
const FOLDABLE_PARTS = ['notes', 'plan', 'voicemail'] as const;
export type FoldablePart = (typeof FOLDABLE_PARTS)[number];
type Folded = Partial<Record<FoldablePart, boolean>>;

// UI state, not a record: kept in extension storage (every panel, every contact), not in Dexie.
const foldedItem = storage.defineItem<Folded>('local:panelFolded', { fallback: {} });

/** Only known parts with a yes/no: anything else stored there is ignored. */
function cleanFolded(value: unknown): Folded {
  const folded: Folded = {};
  if (typeof value !== 'object' || value === null) return folded;
  for (const part of FOLDABLE_PARTS) {
    const flag = (value as Record<string, unknown>)[part];
    if (typeof flag === 'boolean') folded[part] = flag;
  }
  return folded;
}

interface PanelFoldsState {
  folded: Folded;
  /** The stored choice is read once per panel, by the first section shown. */
  readStarted: boolean;
  load(): Promise<void>;
  toggle(part: FoldablePart): void;
}

/** Which sections the rep folded, remembered across panel reloads. Until read, all are open. */
export const usePanelFolds = create<PanelFoldsState>((set, get) => ({
  folded: {},
  readStarted: false,
  async load() {
    if (get().readStarted) return;
    set({ readStarted: true });
    const stored = cleanFolded(await foldedItem.getValue().catch(() => ({})));
    // A click made while reading wins over what was stored.
    set({ folded: { ...stored, ...get().folded } });
  },
  toggle(part) {
    const folded = { ...get().folded, [part]: !get().folded[part] };
    set({ folded });
    // Losing this choice costs one click: a failed save is not worth a message.
    void foldedItem.setValue(folded).catch(() => undefined);
  },
}));
