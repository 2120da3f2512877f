// Recognising a file by its bytes, not its name: a school may send an .xls renamed .xlsx, a CSV,
// a password-protected workbook or a PDF. Each case becomes one InputError with its own code, so the
// user is told what the file is and what to do (src/messages/input.ts).
import { InputError } from '../errors.js';
import type { FindingArg } from '../engine/types.js';

export type InputCode =
  | 'input.empty' | 'input.xls_legacy' | 'input.encrypted' | 'input.ods' | 'input.csv' | 'input.not_spreadsheet'
  | 'input.corrupt' | 'input.zip_bomb' | 'input.too_large' | 'input.xml_dtd';

/** What a file that is not a spreadsheet was recognised as (args.detected of input.not_spreadsheet). */
export type Detected = 'pdf' | 'html' | 'xml' | 'text' | 'binary' | 'word' | 'powerpoint' | 'opendocument' | 'zip' | 'xlsb';

export function inputError(code: InputCode, file: string, args: Record<string, FindingArg> = {}): InputError {
  return new InputError({ code, args: { file, ...args } }, file);
}

/** input.not_spreadsheet, with `detected` as data and `what` as words for the message. */
export function notSpreadsheet(file: string, detected: Detected): InputError {
  return inputError('input.not_spreadsheet', file, { detected, what: { code: `input.detected.${detected}` } });
}

export type Container = 'empty' | 'zip' | 'ole2' | 'pdf' | 'html' | 'xml' | 'csv' | 'text' | 'binary';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const OLE2_SIG = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ZIP_SIGS = [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0x50, 0x4b, 0x07, 0x08]] as const;
const PDF_SIG = [0x25, 0x50, 0x44, 0x46, 0x2d] as const; // %PDF-

/** What the first bytes say the container is. */
export function sniffContainer(bytes: Uint8Array): Container {
  if (bytes.length === 0) return 'empty';
  if (ZIP_SIGS.some((s) => startsWith(bytes, s))) return 'zip';
  if (startsWith(bytes, OLE2_SIG)) return 'ole2';
  if (startsWith(bytes, PDF_SIG)) return 'pdf';
  return sniffText(bytes);
}

/** Text or binary; for text, whether it is markup or separated values. */
function sniffText(bytes: Uint8Array): 'html' | 'xml' | 'csv' | 'text' | 'binary' {
  const sample = bytes.subarray(0, 8192);
  let text: string;
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    text = new TextDecoder(sample[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(sample);
  } else {
    let control = 0;
    for (const b of sample) {
      if (b === 0) return 'binary';
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
    }
    if (control > sample.length / 100) return 'binary';
    text = new TextDecoder('utf-8').decode(sample); // legacy 8-bit text decodes with U+FFFD: still text
  }
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (/^<(!doctype html|html|table|meta|head|body)\b/.test(head) || (head.startsWith('<') && head.includes('<html'))) return 'html';
  if (head.startsWith('<')) return 'xml'; // e.g. Excel 2003 "XML Spreadsheet" saved as .xls
  // Separated values: one separator found on at least two of the first lines (a title line may have none).
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 5);
  const needed = Math.min(2, lines.length);
  if (needed > 0 && [',', ';', '\t', '|'].some((sep) => lines.filter((l) => l.includes(sep)).length >= needed)) return 'csv';
  return 'text';
}

/** Names of the streams of an OLE2 compound file, read from its 128-byte directory entries. */
export function ole2StreamNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  // The header is one sector (512 or 4096 bytes) and sectors are multiples of 128, so every directory
  // entry starts at a multiple of 128: name (64 bytes UTF-16LE), name length in bytes at +64, type at +66.
  for (let o = 512; o + 128 <= bytes.length; o += 128) {
    const len = bytes[o + 64]! | (bytes[o + 65]! << 8);
    const type = bytes[o + 66];
    if (len < 4 || len > 64 || len % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (bytes[o + len - 2] !== 0 || bytes[o + len - 1] !== 0) continue; // names end with a NUL
    let name = '';
    for (let i = 0; i < len - 2; i += 2) name += String.fromCharCode(bytes[o + i]! | (bytes[o + i + 1]! << 8));
    names.push(name);
  }
  return names;
}

/**
 * Throws the InputError that says what the file is, unless its bytes are a zip container
 * (which may be an xlsx: the zip reader decides, see `checkPackage`).
 */
export function assertZipContainer(bytes: Uint8Array, file: string): void {
  const kind = sniffContainer(bytes);
  switch (kind) {
    case 'zip': return;
    case 'empty': throw inputError('input.empty', file);
    case 'csv': throw inputError('input.csv', file);
    case 'ole2': {
      const names = ole2StreamNames(bytes);
      if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) throw inputError('input.encrypted', file);
      if (names.includes('WordDocument')) throw notSpreadsheet(file, 'word');
      if (names.includes('PowerPoint Document')) throw notSpreadsheet(file, 'powerpoint');
      throw inputError('input.xls_legacy', file); // 'Workbook' / 'Book' streams, or unreadable directory
    }
    default: throw notSpreadsheet(file, kind);
  }
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * A zip that holds no workbook part: an ODS spreadsheet, another OpenDocument or Office file, or any zip.
 * `mimetype` is the content of the zip's `mimetype` entry when it has one (OpenDocument).
 */
export function notAWorkbook(file: string, names: readonly string[], mimetype: string | undefined): InputError {
  const mime = mimetype?.trim();
  if (mime === ODS_MIME || mime === `${ODS_MIME}-template`) return inputError('input.ods', file);
  if (mime?.startsWith('application/vnd.oasis.opendocument.')) return notSpreadsheet(file, 'opendocument');
  const lower = names.map((n) => n.toLowerCase());
  if (lower.includes('xl/workbook.bin')) return notSpreadsheet(file, 'xlsb');
  if (lower.includes('word/document.xml')) return notSpreadsheet(file, 'word');
  if (lower.some((n) => n.startsWith('ppt/'))) return notSpreadsheet(file, 'powerpoint');
  return notSpreadsheet(file, 'zip');
}
