/**
 * A zip writer that knows every entry's size before it starts, so the whole archive is ONE
 * buffer allocated once: attachment bytes are copied into it straight from where they are read
 * (one file at a time), never collected in a list and then concatenated (issue 11: large bundles
 * must not be held in memory three times). Files go in stored (method 0): scans and photos are
 * already compressed, and deflating 500 MB would cost minutes on an office PC for nothing.
 */
import { crc32 } from './zipread';

export interface PlannedEntry {
  name: string;
  /** Bytes as they will appear in the zip (deflated for method 8, raw for method 0). */
  size: number;
  /** Uncompressed size. */
  rawSize: number;
  method: 0 | 8;
}

export interface EntryBytes {
  /** What goes into the archive (compressed for method 8). */
  data: Uint8Array;
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
}

const LOCAL = 30;
const CENTRAL = 46;
const EOCD = 22;
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Size of the archive holding `entries` (names are ASCII: manifest, ops and files/<hex>). */
export function plannedZipSize(entries: readonly Pick<PlannedEntry, 'name' | 'size'>[]): number {
  let total = EOCD;
  for (const e of entries) total += LOCAL + CENTRAL + 2 * e.name.length + e.size;
  return total;
}

function dosTime(d: Date): [number, number] {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

/**
 * Writes `entries` in order; `bytesOf(i)` yields entry i's bytes when its turn comes (an
 * attachment is read from storage then, and can be dropped right after it is copied).
 */
export async function writeZip(entries: readonly PlannedEntry[], bytesOf: (index: number) => Promise<EntryBytes>, mtime: Date = new Date(Date.UTC(2020, 0, 1))): Promise<Uint8Array> {
  for (const e of entries) if (!/^[\x20-\x7e]+$/.test(e.name)) throw new Error(`zip entry name must be ASCII: ${e.name}`);
  const out = new Uint8Array(plannedZipSize(entries));
  const view = new DataView(out.buffer);
  const [time, date] = dosTime(mtime);
  const central: { offset: number; crc: number }[] = [];
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const { data, crc } = await bytesOf(i);
    if (data.length !== e.size) throw new Error(`zip entry ${e.name}: ${data.length} bytes, planned ${e.size}`);
    central.push({ offset: p, crc });
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, time, true);
    view.setUint16(p + 12, date, true);
    view.setUint32(p + 14, crc, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint32(p + 22, e.rawSize, true);
    view.setUint16(p + 26, e.name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(ascii(e.name), p + LOCAL);
    p += LOCAL + e.name.length;
    out.set(data, p);
    p += e.size;
  }
  const cdStart = p;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    view.setUint32(p + 16, central[i].crc, true);
    view.setUint32(p + 20, e.size, true);
    view.setUint32(p + 24, e.rawSize, true);
    view.setUint16(p + 28, e.name.length, true);
    // extra, comment, disk, internal attrs: 0; external attrs: 0
    view.setUint32(p + 42, central[i].offset, true);
    out.set(ascii(e.name), p + CENTRAL);
    p += CENTRAL + e.name.length;
  }
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}

/** A stored entry's bytes and CRC. */
export function storedEntry(bytes: Uint8Array): EntryBytes {
  return { data: bytes, crc: crc32(bytes) };
}
