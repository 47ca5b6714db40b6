// Vite's worker imports (`./x.ts?worker`): the bundled worker's constructor.
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
