// Runs one step of the web build under a lock, so that two builds of the engine host started at the same
// time (parallel MSBuild nodes, an IDE and a terminal) never run npm in the same folder at once.
//   node tools/run-locked.mjs restore   npm ci, unless node_modules is already newer than package-lock.json
//   node tools/run-locked.mjs build     npm run build
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, '.build-lock');
const step = process.argv[2];
const staleAfterMs = 10 * 60 * 1000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquire() {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > staleAfterMs) {
          fs.rmSync(lock, { recursive: true, force: true });
          continue;
        }
      } catch {
        continue;
      }
      if (Date.now() - started > staleAfterMs) throw new Error(`Timed out waiting for ${lock}`);
      sleep(250);
    }
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function npm(...args) {
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

let status = 0;
acquire();
try {
  if (step === 'restore') {
    // npm ci rewrites node_modules/.package-lock.json: newer than package-lock.json means up to date,
    // for instance because another build restored while this one waited for the lock.
    const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
    if (installed < 0 || installed < mtime(path.join(root, 'package-lock.json'))) {
      status = npm('ci', '--no-audit', '--no-fund');
    }
  } else if (step === 'build') {
    status = npm('run', 'build');
  } else {
    console.error('usage: node tools/run-locked.mjs restore|build');
    status = 2;
  }
} finally {
  fs.rmSync(lock, { recursive: true, force: true });
}
process.exit(status);
