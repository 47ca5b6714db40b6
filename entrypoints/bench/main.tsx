// The benchmark page, built only by `wxt build --mode bench` (see wxt.config.ts). With
// ?floor=notes (&fold=<characters>) it is the bare React + Dexie floor of the side panel
// figures; with ?floor=click, the bare React floor of an outcome click shown in History;
// otherwise it puts the measurements on `window.bench` for scripts/bench.mjs. Each path loads
// only its own code, so a floor page carries nothing but React (and Dexie for the notes).
const params = new URLSearchParams(location.search);
const root = document.getElementById('root');

if (params.get('floor') === 'notes' && root) {
  void import('@/scripts/bench/notes-floor').then(({ mountNotesFloor }) =>
    mountNotesFloor(root, params.get('contactId') ?? '', Number(params.get('fold')) || undefined),
  );
} else if (params.get('floor') === 'click' && root) {
  void import('@/scripts/bench/click-floor').then(({ mountClickFloor }) => mountClickFloor(root));
} else {
  void import('@/scripts/bench/harness').then(({ installBench }) => installBench());
}
