/**
 * The renderer asks before a window close drops unsaved edits (beforeunload, issue 8 item 8).
 * Electron does not show the browser's question itself: it fires `will-prevent-unload`, and
 * unless we call preventDefault the close is silently cancelled. So we ask, in Chinese.
 */
export interface UnloadQuestionDialog {
  showMessageBoxSync(options: { type: 'question'; buttons: string[]; defaultId: number; cancelId: number; title: string; message: string; detail: string }): number;
}

export function handleWillPreventUnload(event: { preventDefault(): void }, dialog: UnloadQuestionDialog): void {
  const choice = dialog.showMessageBoxSync({
    type: 'question',
    buttons: ['继续编辑', '放弃修改并关闭'],
    defaultId: 0,
    cancelId: 0,
    title: 'SciLedger 科技工作台账',
    message: '有未保存的修改',
    detail: '关闭后这些修改将丢失。',
  });
  // preventDefault on this event lets the unload go ahead (Electron's inverted sense).
  if (choice === 1) event.preventDefault();
}
