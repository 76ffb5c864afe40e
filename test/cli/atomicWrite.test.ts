/**
 * Atomic writes: every step of a write is made to fail in turn (and the disk to fill up after some
 * bytes); the original file must stay byte for byte, no temporary file may be left, and the user
 * gets one Swedish line.
 */
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFolder, nodeFileSteps, writeFileAtomic, type FileSteps } from '../../src/cli/atomicWrite';
import { FatalError } from '../../src/cli/io';
import { runCli, tempDir } from '../helpers/cli';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let n = 0;
/** A fresh folder with one "original" file in it. */
function original(content = 'ORIGINAL workbook bytes'): { dir: string; path: string; bytes: Buffer } {
  const dir = join(tmp.dir, `case${++n}`);
  mkdirSync(dir);
  const path = join(dir, 'ut.xlsx');
  writeFileSync(path, content);
  return { dir, path, bytes: readFileSync(path) };
}

const NEW = new Uint8Array(Buffer.from('NEW '.repeat(50_000)));

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real steps with one of them failing. */
function failing(step: keyof FileSteps, code = 'EIO'): FileSteps {
  return {
    ...nodeFileSteps,
    [step]: () => {
      throw errno(code);
    },
  };
}

function thrown(write: () => void): FatalError {
  try {
    write();
  } catch (e) {
    expect(e).toBeInstanceOf(FatalError);
    return e as FatalError;
  }
  throw new Error('expected the write to fail');
}

describe('writeFileAtomic', () => {
  it('replaces the file with the new bytes, keeps its mode, and leaves nothing else in the folder', () => {
    const { dir, path } = original();
    chmodSync(path, 0o640);
    writeFileAtomic(path, NEW);
    expect(readFileSync(path).equals(NEW)).toBe(true); // not toEqual: element-wise, it takes seconds on 200 KB
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['ut.xlsx']);
  });

  // Only root can give a file to another user: as root, a user's file must stay theirs.
  (process.getuid?.() === 0 ? it : it.skip)("keeps the original's owner when root rewrites a user's file", () => {
    const { path } = original();
    chownSync(path, 1234, 5678);
    writeFileAtomic(path, NEW);
    expect([statSync(path).uid, statSync(path).gid]).toEqual([1234, 5678]);
  });

  it('creates a new file (and its missing folders)', () => {
    const path = join(tmp.dir, 'new', 'a', 'b', 'ny.xlsx');
    writeFileAtomic(path, NEW);
    expect(readFileSync(path).equals(NEW)).toBe(true);
    expect(readdirSync(join(tmp.dir, 'new', 'a', 'b'))).toEqual(['ny.xlsx']);
  });

  it('writes through a symbolic link: the file it points at is replaced, the link stays', () => {
    const { dir, path } = original();
    const link = join(dir, 'länk.xlsx');
    symlinkSync(path, link);
    writeFileAtomic(link, NEW);
    expect(readFileSync(path).equals(NEW)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['länk.xlsx', 'ut.xlsx']);
  });

  it.each(['open', 'chmod', 'write', 'fsync', 'close', 'rename'] as const)('a failing %s leaves the original byte for byte and no temporary file', (step) => {
    const { dir, path, bytes } = original();
    const error = thrown(() => writeFileAtomic(path, NEW, failing(step)));
    expect(readFileSync(path)).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['ut.xlsx']);
    expect(error.message).toBe(`Kan inte skriva ${path}: in- eller utmatningsfel på disken (EIO); originalet är oförändrat`);
  });

  it('a disk that fills up after some bytes: one line, original unchanged, temporary file removed', () => {
    const { dir, path, bytes } = original();
    let room = 70_000;
    const steps: FileSteps = {
      ...nodeFileSteps,
      write: (fd, data, offset, length) => {
        if (room === 0) throw errno('ENOSPC');
        const written = nodeFileSteps.write(fd, data, offset, Math.min(length, room, 16_384));
        room -= written;
        return written;
      },
    };
    const error = thrown(() => writeFileAtomic(path, NEW, steps));
    expect(error.message).toBe(`Kan inte skriva ${path}: disken är full (ENOSPC); originalet är oförändrat`);
    expect(readFileSync(path)).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['ut.xlsx']);
  });

  it('removes temporary files that earlier, killed writes to the same file left, and only those', () => {
    const { dir, path } = original();
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    const leftovers = [`.ut.xlsx.${dead}.0badc0de.tmp`, `.ut.xlsx.${process.ppid}.12345678.tmp`, `.annan.xlsx.${dead}.0badc0de.tmp`, 'ut.xlsx.tmp'];
    for (const name of leftovers) writeFileSync(join(dir, name), 'half a workbook');
    writeFileAtomic(path, NEW);
    // The dead writer's file goes; a live process's (the parent here), other targets' and the user's own stay.
    expect(readdirSync(dir).sort()).toEqual(leftovers.slice(1).concat('ut.xlsx').sort());
  });

  it('a temporary name that is taken is retried with another name', () => {
    const { dir, path } = original();
    const tried: string[] = [];
    const steps: FileSteps = {
      ...nodeFileSteps,
      open: (temp) => {
        tried.push(temp);
        if (tried.length < 3) throw errno('EEXIST');
        return nodeFileSteps.open(temp);
      },
    };
    writeFileAtomic(path, NEW, steps);
    expect(tried).toHaveLength(3);
    expect(new Set(tried).size).toBe(3);
    expect(readFileSync(path).equals(NEW)).toBe(true);
    expect(readdirSync(dir)).toEqual(['ut.xlsx']);
  });

  it('a failing close after a failed write still removes the temporary file', () => {
    const { dir, path, bytes } = original();
    const steps: FileSteps = { ...failing('write', 'ENOSPC'), close: () => { throw errno('EIO'); } };
    expect(thrown(() => writeFileAtomic(path, NEW, steps)).message).toMatch(/ENOSPC/);
    expect(readFileSync(path)).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['ut.xlsx']);
  });

  it('a folder that cannot be synced is not an error: the rename is done', () => {
    const { path } = original();
    writeFileAtomic(path, NEW, failing('syncFolder'));
    expect(readFileSync(path).equals(NEW)).toBe(true);
  });

  it('a new file that cannot be written says so without mentioning an original', () => {
    const dir = join(tmp.dir, 'empty');
    mkdirSync(dir);
    const error = thrown(() => writeFileAtomic(join(dir, 'ny.xlsx'), NEW, failing('write', 'ENOSPC')));
    expect(error.message).toBe(`Kan inte skriva ${join(dir, 'ny.xlsx')}: disken är full (ENOSPC)`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a target that is a folder is refused, the folder untouched', () => {
    const { dir } = original();
    expect(thrown(() => writeFileAtomic(dir, NEW)).message).toMatch(/det är en mapp \(EISDIR\)/);
    expect(readdirSync(dir)).toEqual(['ut.xlsx']);
  });
});

describe('ensureFolder', () => {
  it('fails in one line when a parent is a file', () => {
    const { path } = original();
    const error = thrown(() => writeFileAtomic(join(path, 'under', 'x.xlsx'), NEW));
    expect(error.message).toBe(`Kan inte skriva ${join(path, 'under', 'x.xlsx')}: en del av sökvägen är en fil, inte en mapp (ENOTDIR)`);
  });

  it('gives up after one attempt per level where creating a folder keeps failing with ENOENT (a virtual file system)', () => {
    const attempts: string[] = [];
    const steps: FileSteps = {
      ...nodeFileSteps,
      mkdir: (path) => {
        attempts.push(path);
        throw errno('ENOENT');
      },
    };
    const target = join(tmp.dir, 'virtual', 'a', 'b');
    expect(() => ensureFolder(target, steps)).toThrow(/ENOENT/);
    expect(attempts).toEqual([join(tmp.dir, 'virtual')]);
    const error = thrown(() => writeFileAtomic(join(target, 'x.xlsx'), NEW, steps));
    expect(error.message).toBe(`Kan inte skriva ${join(target, 'x.xlsx')}: kan inte skapa mappen ${join(tmp.dir, 'virtual')}: mappen finns inte (ENOENT)`);
  });

  (existsSync('/proc/self') ? it : it.skip)('-o into a folder under /proc ends at once with one line (Node\'s recursive mkdir spins there)', async () => {
    const template = join(tmp.dir, 'mall.xlsx');
    expect((await runCli(['template', template])).code).toBe(0);
    const r = await runCli(['score', template, '-o', '/proc/infosak-test/ut/resultat.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^infosak: Kan inte skriva \/proc\/infosak-test\/ut\/resultat\.xlsx: kan inte skapa mappen \/proc\/infosak-test/);
  });
});

describe('the commands write atomically', () => {
  // Root writes into read-only folders: the test needs an ordinary user.
  (process.getuid?.() === 0 ? it.skip : it)('template over an existing file whose folder is read-only: one line, original kept', async () => {
    const { dir, path, bytes } = original();
    chmodSync(dir, 0o555);
    try {
      const r = await runCli(['template', path]);
      expect(r.code).toBe(2);
      expect(r.stderr).toEqual([`infosak: Kan inte skriva ${path}: behörighet saknas (EACCES); originalet är oförändrat`]);
      expect(readFileSync(path)).toEqual(bytes);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('template into a path whose parent is a file exits 2 with one line', async () => {
    const { path } = original();
    const r = await runCli(['template', join(path, 'mall.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([`infosak: Kan inte skriva ${join(path, 'mall.xlsx')}: en del av sökvägen är en fil, inte en mapp (ENOTDIR)`]);
  });
});
