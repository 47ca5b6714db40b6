import { create } from 'zustand';
import type { MisplacedRecords } from '../actions/identity-choice';
import type { MovedRecords } from '../db/move-records';

/** After the rep corrected who a record is: what was logged on the wrong person (offered to
 *  move), then what was moved (offered to undo). UI state of this panel only. */
interface MisplacedRecordsState {
  offer: MisplacedRecords | undefined;
  moved: (MisplacedRecords & { moved: MovedRecords }) | undefined;
  offerMove(offer: MisplacedRecords | undefined): void;
  markMoved(moved: MovedRecords): void;
  forget(): void;
}

export const useMisplacedRecords = create<MisplacedRecordsState>((set, get) => ({
  offer: undefined,
  moved: undefined,
  offerMove: (offer) => set({ offer, moved: undefined }),
  markMoved: (moved) => {
    const offer = get().offer;
    if (offer) set({ offer: undefined, moved: { ...offer, moved } });
  },
  forget: () => set({ offer: undefined, moved: undefined }),
}));
