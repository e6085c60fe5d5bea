// What the benchmarks share: `--key value` arguments, and the release server started on a
// fresh in-memory database on loopback, stopped when the process exits.

import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** `--key value` pairs of the command line (`--flag` alone is "true"). */
export function parseArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.reduce(
      (pairs, arg, i, all) =>
        arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1] === undefined || all[i + 1].startsWith('--') ? 'true' : all[i + 1]]] : pairs,
      [],
    ),
  );
}

/** Starts `bin serve` on `mem://` at 127.0.0.1:port and waits until /readyz answers. */
export async function startServer({ bin, port, siteRoot, env = {} }) {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['serve'], {
    env: {
      ...process.env,
      DATABASE_URL: 'mem://',
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      ...(siteRoot ? { LEPTOS_SITE_ROOT: siteRoot } : {}),
      LEPTOS_OUTPUT_NAME: process.env.LEPTOS_OUTPUT_NAME ?? 'grensdiensten',
      RUST_LOG: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => child.exitCode === null && child.kill('SIGTERM');
  process.on('exit', stop);
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base, stop };
    } catch {}
    await sleep(250);
  }
  stop();
  throw new Error('server did not become healthy');
}
