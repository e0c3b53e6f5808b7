// node.exe comes signed by the OpenJS Foundation; injecting the application into it breaks that signature.
// A broken signature is worse than none (it reads as tampering), so it is taken off before injection; the
// company signs the result with its own certificate (README: Windows server → Signing).

/** Offset of the PE32+ optional header's certificate-table directory entry (IMAGE_DIRECTORY_ENTRY_SECURITY). */
function securityEntryOffset(buf) {
  if (buf.length < 0x40 || buf.toString('latin1', 0, 2) !== 'MZ') throw new Error('not a Windows executable (no MZ header)');
  const pe = buf.readUInt32LE(0x3c);
  if (buf.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('not a Windows executable (no PE header)');
  const optional = pe + 24;
  const magic = buf.readUInt16LE(optional);
  if (magic !== 0x20b) throw new Error(`not a 64-bit Windows executable (optional header magic 0x${magic.toString(16)})`);
  // PE32+: 112 bytes of fields, then the data directories (8 bytes each); the certificate table is entry 4.
  return optional + 112 + 4 * 8;
}

/** The executable without its Authenticode signature, and whether it had one. */
export function stripSignature(buf) {
  const entry = securityEntryOffset(buf);
  const offset = buf.readUInt32LE(entry);
  const size = buf.readUInt32LE(entry + 4);
  if (offset === 0 && size === 0) return { buffer: buf, stripped: false };
  if (offset + size !== buf.length) throw new Error('the signature is not at the end of the file; refusing to cut it');
  const out = Buffer.from(buf.subarray(0, offset));
  out.writeUInt32LE(0, entry);
  out.writeUInt32LE(0, entry + 4);
  return { buffer: out, stripped: true };
}

/** Whether the executable carries an Authenticode signature (for tests and the build's summary). */
export function hasSignature(buf) {
  const entry = securityEntryOffset(buf);
  return buf.readUInt32LE(entry + 4) !== 0;
}

/**
 * Writes the PE checksum (optional header, offset 64) that injection and stripping leave stale: Windows
 * ignores it for programs, but signing and verifying tools warn about it.
 */
export function fixChecksum(buf) {
  const field = securityEntryOffset(buf) - 4 * 8 - 112 + 64;
  let sum = 0;
  for (let i = 0; i < buf.length; i += 2) {
    if (i === field || i === field + 2) continue;
    sum += i + 1 < buf.length ? buf.readUInt16LE(i) : buf[i];
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  sum = (sum & 0xffff) + (sum >>> 16);
  buf.writeUInt32LE((sum + buf.length) >>> 0, field);
  return buf;
}
