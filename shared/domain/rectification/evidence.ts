/**
 * 整改检验形式 names the evidence the plan expects ("培训通知、培训签到表、培训图片"); the clerk
 * attaches files and notes what was handed in. These pure helpers split the expectation into
 * its pieces and say which pieces nothing handed in mentions yet, so the ledger can show
 * "缺：培训签到表" before an item is marked 已完成.
 */

/** Words around a piece that do not name the evidence itself. */
const FILLER = /^(?:提供|印发|开展|出具|报送|形成)|(?:等|等材料|材料)$/g;

/** "（1）提供《A》（2）B" and "培训通知、签到表及照片等" → the named pieces, in order. */
export function expectedEvidence(verificationForm: string): string[] {
  const pieces = verificationForm
    .replace(/[（(]\s*\d+\s*[)）]/g, '、')
    .split(/[、，,；;。\n]|及|和/)
    .map((p) => p.replace(FILLER, '').replace(FILLER, '').trim())
    .filter((p) => p.length >= 2);
  return [...new Set(pieces)];
}

/** A piece without its book-title marks and spaces, for loose matching. */
const key = (s: string) => s.replace(/[《》〈〉“”"'\s]/g, '');

/**
 * Which expected pieces the handed-in evidence covers: a piece counts as covered when a file name
 * or note contains it (or, for pieces in 《》, the title inside). Matching is deliberately loose —
 * the clerk confirms — but never claims a piece nothing mentions.
 */
export function checkEvidence(verificationForm: string, handedIn: readonly string[]): { expected: string[]; covered: string[]; missing: string[] } {
  const expected = expectedEvidence(verificationForm);
  const texts = handedIn.map(key).filter((t) => t !== '');
  const covered = expected.filter((piece) => {
    const k = key(piece);
    const title = /《([^》]+)》/.exec(piece)?.[1];
    return texts.some((t) => t.includes(k) || (title !== undefined && t.includes(key(title))));
  });
  return { expected, covered, missing: expected.filter((p) => !covered.includes(p)) };
}

/** "缺：培训签到表、培训图片", or '' when everything expected is covered. */
export function missingEvidenceText(verificationForm: string, handedIn: readonly string[]): string {
  const { missing } = checkEvidence(verificationForm, handedIn);
  return missing.length === 0 ? '' : `缺：${missing.join('、')}`;
}

/**
 * The items ledger's 佐证材料 column (issue 11 "a 整改 item shows whether the evidence expected
 * is present"): from the count of the item's live 附件, what the row says and how loudly —
 * an item marked 已完成 without any file is the one a 督查 asks about first.
 */
export function evidenceFilesState(fileCount: number, isCompleted: boolean): { text: string; tone: 'present' | 'missing' | 'missingCompleted' } {
  if (fileCount > 0) return { text: `已上传 ${fileCount} 份`, tone: 'present' };
  return { text: '缺佐证材料', tone: isCompleted ? 'missingCompleted' : 'missing' };
}
