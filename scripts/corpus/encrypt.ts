/**
 * A password-protected workbook as Excel writes one: ECMA-376 Agile encryption (AES-256-CBC,
 * SHA-512, 100 000 spins) of the .xlsx package inside an OLE compound file, and an .xls-like
 * compound file. Random values come from a seed so the corpus is the same on every run.
 * (Excel also writes the \x06DataSpaces storage; readers of the password do not need it and it is
 * left out: every stream here is ≥ 4096 bytes, so the compound file needs no mini stream.)
 */
import { createCipheriv, createHash, createHmac } from 'node:crypto';

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function seeded(seed: string): (n: number) => Buffer {
  let counter = 0;
  return (n: number) => {
    const out: Buffer[] = [];
    let have = 0;
    while (have < n) {
      const h = createHash('sha256').update(`${seed}:${counter++}`).digest();
      out.push(h);
      have += h.length;
    }
    return Buffer.concat(out).subarray(0, n);
  };
}

/** An OLE compound file (v3, 512-byte sectors) with top-level streams of at least 4096 bytes each. */
export function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  for (const s of streams) if (s.data.length < 4096) throw new Error(`stream ${s.name} is under the mini stream cutoff`);
  const sectors: Buffer[] = [];
  const fat: number[] = [];
  const starts: number[] = [];
  for (const s of streams) {
    const n = Math.ceil(s.data.length / 512);
    starts.push(sectors.length);
    for (let i = 0; i < n; i++) {
      const sec = Buffer.alloc(512);
      s.data.copy(sec, 0, i * 512, Math.min(s.data.length, (i + 1) * 512));
      fat.push(i === n - 1 ? ENDOFCHAIN : sectors.length + 1);
      sectors.push(sec);
    }
  }
  // Directory: root, then the streams; a simple tree (root's child is the last stream, the others its left siblings).
  const entries = Math.ceil((streams.length + 1) / 4) * 4;
  const dir = Buffer.alloc(entries * 128);
  const entry = (i: number, name: string, type: number, left: number, right: number, child: number, start: number, size: number) => {
    const o = i * 128;
    const nameBytes = Buffer.from(`${name}\0`, 'utf16le');
    nameBytes.copy(dir, o);
    dir.writeUInt16LE(nameBytes.length, o + 64);
    dir[o + 66] = type;
    dir[o + 67] = 1; // black
    dir.writeUInt32LE(left, o + 68);
    dir.writeUInt32LE(right, o + 72);
    dir.writeUInt32LE(child, o + 76);
    dir.writeUInt32LE(start, o + 116);
    dir.writeUInt32LE(size, o + 120);
  };
  // Order siblings by the compound file rule (length, then upper case): a chain of left siblings from the largest.
  const order = streams.map((s, i) => ({ s, i })).sort((a, b) => a.s.name.length - b.s.name.length || a.s.name.toUpperCase().localeCompare(b.s.name.toUpperCase()));
  entry(0, 'Root Entry', 5, NOSTREAM, NOSTREAM, order[order.length - 1].i + 1, ENDOFCHAIN, 0);
  order.forEach(({ s, i }, k) => {
    const left = k > 0 ? order[k - 1].i + 1 : NOSTREAM;
    entry(i + 1, s.name, 2, left, NOSTREAM, NOSTREAM, starts[i], s.data.length);
  });
  for (let i = streams.length + 1; i < entries; i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }
  const dirStart = sectors.length;
  const dirSectors = dir.length / 512;
  for (let i = 0; i < dirSectors; i++) {
    fat.push(i === dirSectors - 1 ? ENDOFCHAIN : sectors.length + 1);
    sectors.push(dir.subarray(i * 512, (i + 1) * 512));
  }
  let fatSectors = 1;
  while (Math.ceil((sectors.length + fatSectors) / 128) > fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('too big for a header-only DIFAT');
  const fatStart = sectors.length;
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const fatBytes = Buffer.alloc(fatSectors * 512, 0xff);
  fat.forEach((v, i) => fatBytes.writeUInt32LE(v >>> 0, i * 4));
  for (let i = 0; i < fatSectors; i++) sectors.push(fatBytes.subarray(i * 512, (i + 1) * 512));

  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(0, 40);
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(0, 52);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(ENDOFCHAIN, 60);
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68);
  header.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? fatStart + i : FREESECT, 76 + i * 4);
  return Buffer.concat([header, ...sectors]);
}

const BLOCK = {
  verifierInput: Buffer.from('fea7d2763b4b9e79', 'hex'),
  verifierValue: Buffer.from('d7aa0f6d3061344e', 'hex'),
  keyValue: Buffer.from('146e0be7abacd0d6', 'hex'),
  hmacKey: Buffer.from('5fb2ad010cb9e1f6', 'hex'),
  hmacValue: Buffer.from('a0677f02b22c8433', 'hex'),
};

const sha512 = (...parts: Buffer[]) => createHash('sha512').update(Buffer.concat(parts)).digest();

function aes(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const padded = Buffer.alloc(Math.ceil(data.length / 16) * 16);
  data.copy(padded);
  const c = createCipheriv('aes-256-cbc', key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(padded), c.final()]);
}

function le32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** Encrypts an .xlsx package with `password` the way Excel 2010+ does ("Kryptera med lösenord"). */
export function encryptXlsx(pkg: Uint8Array, password: string, seed = 'corpus'): Buffer {
  const random = seeded(seed);
  const spin = 100000;
  const keySalt = random(16);
  const pwSalt = random(16);
  let h = sha512(pwSalt, Buffer.from(password, 'utf16le'));
  for (let i = 0; i < spin; i++) h = sha512(le32(i), h);
  const derive = (block: Buffer) => sha512(h, block).subarray(0, 32);
  const verifier = random(16);
  const secret = random(32);
  const encVerifierInput = aes(derive(BLOCK.verifierInput), pwSalt, verifier);
  const encVerifierValue = aes(derive(BLOCK.verifierValue), pwSalt, sha512(verifier));
  const encKey = aes(derive(BLOCK.keyValue), pwSalt, secret);

  const data = Buffer.from(pkg);
  const size = Buffer.alloc(8);
  size.writeUInt32LE(data.length, 0);
  const segments: Buffer[] = [size];
  for (let i = 0, n = 0; i < data.length; i += 4096, n++) {
    const iv = sha512(keySalt, le32(n)).subarray(0, 16);
    segments.push(aes(secret, iv, data.subarray(i, i + 4096)));
  }
  const encryptedPackage = Buffer.concat(segments);
  const hmacKey = random(64);
  const encHmacKey = aes(secret, sha512(keySalt, BLOCK.hmacKey).subarray(0, 16), hmacKey);
  const hmac = createHmac('sha512', hmacKey).update(encryptedPackage).digest();
  const encHmacValue = aes(secret, sha512(keySalt, BLOCK.hmacValue).subarray(0, 16), hmac);

  const b64 = (b: Buffer) => b.toString('base64');
  const common = 'blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"';
  let xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData saltSize="16" ${common} saltValue="${b64(keySalt)}"/>` +
    `<dataIntegrity encryptedHmacKey="${b64(encHmacKey)}" encryptedHmacValue="${b64(encHmacValue)}"/>` +
    `<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="${spin}" saltSize="16" ${common} saltValue="${b64(pwSalt)}" encryptedVerifierHashInput="${b64(encVerifierInput)}" encryptedVerifierHashValue="${b64(encVerifierValue)}" encryptedKeyValue="${b64(encKey)}"/></keyEncryptor></keyEncryptors>`;
  // Whitespace between elements keeps the stream above the mini stream cutoff (see the file comment).
  const head = Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]);
  const pad = Math.max(0, 4096 - head.length - Buffer.byteLength(xml) - '</encryption>'.length);
  xml += ' '.repeat(pad) + '</encryption>';
  const info = Buffer.concat([head, Buffer.from(xml)]);
  return compoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: encryptedPackage.length >= 4096 ? encryptedPackage : Buffer.concat([encryptedPackage, Buffer.alloc(4096 - encryptedPackage.length)]) },
  ]);
}

/** A compound file with a BIFF8 "Workbook" stream (BOF … EOF), i.e. the shape of an .xls file. */
export function minimalXls(): Buffer {
  const record = (type: number, body: Buffer) => {
    const h = Buffer.alloc(4);
    h.writeUInt16LE(type, 0);
    h.writeUInt16LE(body.length, 2);
    return Buffer.concat([h, body]);
  };
  const bof = Buffer.alloc(16);
  bof.writeUInt16LE(0x0600, 0); // BIFF8
  bof.writeUInt16LE(0x0005, 2); // workbook globals
  bof.writeUInt16LE(0x0dbb, 4);
  bof.writeUInt16LE(0x07cc, 6);
  const stream = Buffer.concat([record(0x0809, bof), record(0x000a, Buffer.alloc(0))]);
  return compoundFile([{ name: 'Workbook', data: Buffer.concat([stream, Buffer.alloc(4096 - stream.length)]) }]);
}
