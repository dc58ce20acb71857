/**
 * Names suggested by the renderer are only names: anything that could act as a path, or that
 * Windows refuses (CON, AUX, trailing dots, <>:"|?*), is removed before it reaches a dialog
 * or the documents folder.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';

const FORBIDDEN_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Leaves room for " (99)" and the folder inside Windows' 260-character path limit. */
const MAX_NAME_LENGTH = 150;

export const DEFAULT_FILE_NAME = '未命名';

export function sanitizeFileName(suggested: string, fallback = DEFAULT_FILE_NAME): string {
  let name = suggested.replace(FORBIDDEN_CHARACTERS, '_').trim();
  // Windows silently drops trailing dots and spaces, which would change the name we report.
  name = name.replace(/[. ]+$/, '');
  name = name.replace(/^\.+/, '');
  if (name === '' || /^_+$/.test(name)) return fallback;

  const extension = path.extname(name);
  let stem = extension ? name.slice(0, -extension.length) : name;
  if (RESERVED_WINDOWS_NAMES.test(stem.trim())) stem = `_${stem}`;
  if (stem.length + extension.length > MAX_NAME_LENGTH) {
    stem = stem.slice(0, Math.max(1, MAX_NAME_LENGTH - extension.length));
  }
  return `${stem}${extension}`;
}

/** Ensures a name ends with the given extension (without the dot), case-insensitively. */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? name : `${name}.${extension}`;
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await access(filePath);
    return true;
  } catch {
    return false;
  }
}

/** "报告.docx", then "报告 (2).docx", "报告 (3).docx"… — the way Windows Explorer numbers copies. */
export async function uniqueFilePath(
  folder: string,
  fileName: string,
  pathExists: (filePath: string) => Promise<boolean> = exists,
): Promise<string> {
  const extension = path.extname(fileName);
  const stem = extension ? fileName.slice(0, -extension.length) : fileName;
  let candidate = path.join(folder, fileName);
  for (let copy = 2; await pathExists(candidate); copy += 1) {
    if (copy > 9999) throw new Error('同名文件过多');
    candidate = path.join(folder, `${stem} (${copy})${extension}`);
  }
  return candidate;
}
