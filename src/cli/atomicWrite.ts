/**
 * Every file the CLI writes is written atomically: to a temporary file in the same folder, flushed
 * to disk, then renamed over the target. A full disk, a kill or a crash at any moment leaves either
 * the old file or the new one, never a truncated workbook (the user's only copy, with --in-place).
 */
import * as fs from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { FatalError, fsReason } from './io';

/** The file-system steps a write takes: small, so a test can make any one of them fail. */
export interface FileSteps {
  /** undefined when nothing is at the path. */
  stat(path: string): fs.Stats | undefined;
  lstat(path: string): fs.Stats | undefined;
  realpath(path: string): string;
  /** Creates one folder (its parent must exist). */
  mkdir(path: string): void;
  /** Creates a new file exclusively for writing. */
  open(path: string): number;
  chmod(fd: number, mode: number): void;
  chown(fd: number, uid: number, gid: number): void;
  /** Writes from data[offset…offset+length), returns how many bytes were written. */
  write(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsync(fd: number): void;
  close(fd: number): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  /** Flushes a folder's entries (the rename) to disk. */
  syncFolder(path: string): void;
  readdir(path: string): string[];
}

const missingIsUndefined = <T>(read: () => T): T | undefined => {
  try {
    return read();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
};

export const nodeFileSteps: FileSteps = {
  stat: (path) => missingIsUndefined(() => fs.statSync(path)),
  lstat: (path) => missingIsUndefined(() => fs.lstatSync(path)),
  realpath: (path) => fs.realpathSync(path),
  mkdir: (path) => fs.mkdirSync(path),
  open: (path) => fs.openSync(path, 'wx', 0o666),
  chmod: (fd, mode) => fs.fchmodSync(fd, mode),
  chown: (fd, uid, gid) => fs.fchownSync(fd, uid, gid),
  write: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsync: (fd) => fs.fsyncSync(fd),
  close: (fd) => fs.closeSync(fd),
  rename: (from, to) => fs.renameSync(from, to),
  unlink: (path) => fs.unlinkSync(path),
  readdir: (path) => fs.readdirSync(path),
  syncFolder: (path) => {
    const fd = fs.openSync(path, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
};

/**
 * Creates the folder and its missing parents one level at a time. Bounded by the path's depth:
 * Node's mkdirSync(recursive) spins forever where creating a folder fails with ENOENT although its
 * parent exists (virtual file systems such as /proc).
 */
export function ensureFolder(folder: string, steps: FileSteps = nodeFileSteps): void {
  const absolute = resolve(folder);
  const missing: string[] = [];
  let current = absolute;
  for (let depth = absolute.split(sep).length; depth >= 0; depth--) {
    const found = steps.stat(current);
    if (found) {
      if (!found.isDirectory()) throw Object.assign(new Error(`${current} is a file`), { code: 'ENOTDIR', path: current });
      break;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing.reverse()) {
    try {
      steps.mkdir(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && steps.stat(path)?.isDirectory()) continue;
      throw Object.assign(e as Error, { folder: path });
    }
  }
}

/** `.<name>.<pid>.<random>.tmp` beside the target: same file system (rename is atomic), hidden, never a name the user chose. */
function tempName(target: string): string {
  // Not a secret, only unlikely to collide; open() creates exclusively and a collision is retried.
  const random = Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  return join(dirname(target), `.${basename(target).slice(0, 100)}.${process.pid}.${random}.tmp`);
}

/** Creates a fresh temporary file beside the target; returns its name and descriptor. */
function openTemp(target: string, steps: FileSteps): { temp: string; fd: number } {
  for (let attempt = 1; ; attempt++) {
    const temp = tempName(target);
    try {
      return { temp, fd: steps.open(temp) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw e;
    }
  }
}

/** Temporary files of earlier writes to the same target whose process is gone (killed mid-write). */
function removeStaleTemps(target: string, steps: FileSteps): void {
  const prefix = `.${basename(target).slice(0, 100)}.`;
  for (const name of steps.readdir(dirname(target))) {
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '');
    if (!m || Number(m[1]) === process.pid || isRunning(Number(m[1]))) continue;
    ignore(() => steps.unlink(join(dirname(target), name)));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/**
 * Writes `data` to `path` atomically (see the file comment), keeping an existing file's mode. A
 * symbolic link is followed: the file it points at is replaced, the link stays. On any failure the
 * temporary file is removed, the original is untouched, and a FatalError says so in one line.
 */
export function writeFileAtomic(path: string, data: Uint8Array, steps: FileSteps = nodeFileSteps): void {
  let target = path;
  let existing: fs.Stats | undefined;
  let temp: string | undefined;
  let fd: number | undefined;
  try {
    if (steps.lstat(path)?.isSymbolicLink()) target = missingIsUndefined(() => steps.realpath(path)) ?? path;
    ensureFolder(dirname(target), steps);
    existing = steps.stat(target);
    if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
    ({ temp, fd } = openTemp(target, steps));
    if (existing) {
      // The owner first (only root may give a file away; others keep theirs, best effort), then
      // the mode, before any byte is written: a private original never has a readable copy beside it.
      const own = fd;
      if (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()) ignore(() => steps.chown(own, existing!.uid, existing!.gid));
      steps.chmod(fd, existing.mode & 0o7777);
    }
    for (let offset = 0; offset < data.length; ) offset += steps.write(fd, data, offset, data.length - offset);
    steps.fsync(fd);
    const open = fd;
    fd = undefined;
    steps.close(open);
    steps.rename(temp, target);
    temp = undefined;
  } catch (e) {
    if (fd !== undefined) ignore(() => steps.close(fd!));
    if (temp !== undefined) ignore(() => steps.unlink(temp!));
    const folder = (e as { folder?: string }).folder;
    const where = folder ? `kan inte skapa mappen ${folder}: ` : '';
    const after = existing ? '; originalet är oförändrat' : '';
    throw new FatalError(`Kan inte skriva ${path}: ${where}${fsReason(e)}${after}`);
  }
  // The rename is done; making it durable is best effort (not every file system can sync a folder).
  ignore(() => steps.syncFolder(dirname(target)));
  ignore(() => removeStaleTemps(target, steps));
}

function ignore(step: () => void): void {
  try {
    step();
  } catch {
    // best effort
  }
}
