// The benchmark page, built only by `wxt build --mode bench` (see wxt.config.ts). With
// ?floor=notes (&fold=<characters>) it is the bare React + Dexie floor of the side panel
// figures; otherwise it puts the measurements on `window.bench` for scripts/bench.mjs. Each path loads only its own
// code, so the floor page carries nothing but React and Dexie.
const params = new URLSearchParams(location.search);
const root = document.getElementById('root');

if (params.get('floor') === 'notes' && root) {
  void import('@/scripts/bench/notes-floor').then(({ mountNotesFloor }) =>
    mountNotesFloor(root, params.get('contactId') ?? '', Number(params.get('fold')) || undefined),
  );
} else {
  void import('@/scripts/bench/harness').then(({ installBench }) => installBench());
}
