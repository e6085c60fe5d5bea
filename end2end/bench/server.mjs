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
    // Its log (warnings and errors) goes to this process's stderr.
    stdio: ['ignore', process.stderr, 'inherit'],
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

/**
 * Starts SurrealDB's server (the repository's `surreal` binary) on loopback with
 * credentials and a SurrealKV store in a fresh directory; `env` is what an app server
 * needs to use it. The block cache is bounded (SurrealKV's default takes half the RAM).
 */
export async function startSurreal({ bin, port, cacheMb = 128 }) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'grensdiensten-surreal-'));
  const pass = `bench-${process.pid}-${Date.now()}`;
  const child = spawn(bin, ['start', '--user', 'root', '--pass', pass, '--bind', `127.0.0.1:${port}`, `surrealkv://${join(dir, 'data')}`], {
    env: { ...process.env, SURREAL_SURREALKV_BLOCK_CACHE_CAPACITY: String(cacheMb * 1024 * 1024), SURREAL_LOG: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Stopped: the store closes, then its directory goes. At exit (no time to wait): killed.
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(remove());
      child.once('exit', () => resolve(remove()));
      child.kill('SIGTERM');
    });
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    remove();
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`surreal exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) {
        const env = { DATABASE_URL: `ws://127.0.0.1:${port}`, DATABASE_USER: 'root', DATABASE_PASS: pass };
        return { child, env, stop };
      }
    } catch {}
    await sleep(250);
  }
  stop();
  throw new Error('surreal did not start');
}

/** Resident memory of a process, in MB (Linux). */
export async function rssMb(pid) {
  const { readFileSync } = await import('node:fs');
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(line.replace(/\D+/g, '')) / 1024;
  } catch {
    return NaN;
  }
}
