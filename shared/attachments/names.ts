/**
 * Display names of attachments. A picked or dropped file's name comes from another machine's
 * file system (or a crafted bundle): only its last path segment is kept, control characters and
 * the characters Windows refuses are replaced, and the length is bounded — so the stored name is
 * a label that can never act as a path when a file is later written under it.
 */
import { MAX_ATTACHMENT_NAME } from '../domain/attachments/schema';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;

export interface CleanedName {
  name: string;
  /** True when the name had to change (the UI says so). */
  changed: boolean;
}

/** null when nothing usable remains ("..", "/", only control characters). */
export function cleanAttachmentName(raw: string): CleanedName | null {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  let name = lastSegment.replace(CONTROL, '').replace(WINDOWS_FORBIDDEN, '_').trim();
  // Windows drops trailing dots and spaces; leading dots make hidden files elsewhere.
  name = name.replace(/[. ]+$/, '').replace(/^\.+/, '').trim();
  if (name === '' || /^_+$/.test(name)) return null;
  if (name.length > MAX_ATTACHMENT_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_ATTACHMENT_NAME - ext.length) + ext;
  }
  return { name, changed: name !== raw };
}

/** The extension in lower case without the dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
