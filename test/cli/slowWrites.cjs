/**
 * Preloaded (node --require) into the CLI child of killWrite.test.ts: the write of the temporary
 * file goes in small, slow chunks and every step of it is announced on stderr ("step:write"), so
 * the test can kill the process right after a step it chooses. Other files are not touched.
 */
'use strict';
const fs = require('node:fs');

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms) => Atomics.wait(pause, 0, 0, ms);
const original = { openSync: fs.openSync, writeSync: fs.writeSync, fsyncSync: fs.fsyncSync, closeSync: fs.closeSync, renameSync: fs.renameSync };
let tempFd;

function step(name) {
  original.writeSync(2, `step:${name}\n`);
  sleep(150); // time for the test to see the line and kill us before the next step
}

fs.openSync = function (path, ...rest) {
  const fd = original.openSync.call(this, path, ...rest);
  if (String(path).endsWith('.tmp')) {
    tempFd = fd;
    step('open');
  }
  return fd;
};
fs.writeSync = function (fd, data, offset, length, ...rest) {
  if (fd !== tempFd || typeof data === 'string') return original.writeSync.call(this, fd, data, offset, length, ...rest);
  const written = original.writeSync.call(this, fd, data, offset, Math.min(length, 16384), ...rest);
  step('write');
  return written;
};
fs.fsyncSync = function (fd) {
  original.fsyncSync.call(this, fd);
  if (fd === tempFd) step('fsync');
};
fs.closeSync = function (fd) {
  original.closeSync.call(this, fd);
  if (fd === tempFd) {
    tempFd = undefined;
    step('close');
  }
};
fs.renameSync = function (from, to) {
  original.renameSync.call(this, from, to);
  if (String(from).endsWith('.tmp')) step('rename');
};
