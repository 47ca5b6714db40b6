/** The next add to object store `store` fails as a full disk does: refused when made, or the
 *  transaction aborted with that error (how Chrome reports it at commit). Once. Below Dexie,
 *  so it reaches the outcome click's direct commit (lib/db/outcome-commit) too. */
export function diskFullOnNextAdd(store: string, when: 'on the spot' | 'at commit'): void {
  const proto = IDBObjectStore.prototype;
  const original = proto.add;
  proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (this.name !== store) return original.apply(this, args);
    proto.add = original;
    const full = new DOMException('The disk is full', 'QuotaExceededError');
    if (when === 'on the spot') throw full;
    const request = original.apply(this, args);
    Object.defineProperty(this.transaction, 'error', { get: () => full });
    this.transaction.abort();
    return request;
  };
}
