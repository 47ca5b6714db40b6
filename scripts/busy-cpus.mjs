// `node scripts/busy-cpus.mjs <command> [args…]`: runs the command beside BUSY_CPUS threads that
// keep a CPU busy each, until it exits, and exits with its code. BUSY_CPUS unset or 0 just runs
// the command; "all" means one per CPU. CI runs the unit suite this way once (.ci/run), so a
// test that only passes on an idle machine (a budget, a short timeout, a sleep used as a wait)
// fails there rather than on some busy day. How fast things are is `npm run bench`'s business.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: BUSY_CPUS=<n|all> node scripts/busy-cpus.mjs <command> [args…]');
  process.exit(2);
}

const asked = process.env.BUSY_CPUS?.trim() ?? '';
const busy = asked === 'all' ? availableParallelism() : Number(asked || 0);
if (!Number.isInteger(busy) || busy < 0) {
  console.error(`BUSY_CPUS must be a whole number or "all", not "${asked}".`);
  process.exit(2);
}

// Threads, not processes: they end with this process, however it ends, so none is left spinning.
const burners = Array.from({ length: busy }, () => {
  const worker = new Worker('for (;;) {}', { eval: true });
  worker.unref();
  return worker;
});
if (busy > 0) console.error(`busy-cpus: ${command} runs beside ${busy} busy CPU thread(s).`);

const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

const stop = () => Promise.all(burners.map((worker) => worker.terminate()));
child.on('error', async (error) => {
  await stop();
  console.error(`busy-cpus: could not run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', async (code, signal) => {
  await stop();
  process.exit(code ?? (signal ? 1 : 0));
});
