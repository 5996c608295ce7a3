#!/usr/bin/env node
// Runs before `npm start` and `npm test`: installs dependencies when they are missing or stale,
// provides the Temporal dev server binary (and, for tests, the time-skipping test server), and
// compiles TypeScript. Plain JavaScript on purpose: it must run before anything is installed.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (mtime(installed) < mtime(lock)) {
  console.log('setup: installing dependencies (npm ci)...');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
run('bash', [path.join(root, 'scripts', 'ensure-temporal.sh')]);
// Only tests use the Java time-skipping test server (the interpreter project of jest.config.js).
if (process.env.npm_lifecycle_event === 'pretest') {
  run('bash', [path.join(root, 'scripts', 'ensure-test-server.sh')]);
}
if (!process.argv.includes('--no-build')) {
  console.log('setup: compiling TypeScript...');
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', root]);
  run(process.execPath, [path.join(root, 'dist', 'scripts', 'bundle-workflows.js')]);
}
