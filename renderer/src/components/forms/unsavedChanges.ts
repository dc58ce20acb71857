/**
 * Edits not yet saved, across the app (issue 8 item 8): each form with changes registers here,
 * and leaving — a route or tab change, the browser's back button, closing the window — asks
 * first. Module state, because the route lives in the hash and any code may change it.
 */
const unsaved = new Map<object, string>();

/** `label` names the form (基本信息); null when it matches what is stored again. */
export function setUnsaved(owner: object, label: string | null): void {
  if (label) unsaved.set(owner, label);
  else unsaved.delete(owner);
}

export function unsavedLabels(): string[] {
  return [...new Set(unsaved.values())];
}

export function leaveQuestion(labels: readonly string[]): string {
  return `“${labels.join('”、“')}”有未保存的修改，离开后将丢失。\n确定放弃修改并离开吗？`;
}

/** True when there is nothing to lose or the clerk agrees to drop it. */
export function confirmLeaving(ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  const labels = unsavedLabels();
  if (labels.length === 0) return true;
  if (!ask(leaveQuestion(labels))) return false;
  unsaved.clear(); // the forms are about to unmount
  return true;
}

/**
 * Installed once before the app renders, so its hashchange listener runs before the router's:
 * a refused route change is undone and never reaches the screen.
 */
export function installLeaveGuard(win: Window = window): () => void {
  let current = win.location.hash;
  const onHashChange = (event: HashChangeEvent) => {
    if (win.location.hash === current) return;
    if (confirmLeaving((q) => win.confirm(q))) {
      current = win.location.hash;
      return;
    }
    event.stopImmediatePropagation();
    win.history.replaceState(win.history.state, '', current || `${win.location.pathname}${win.location.search}`);
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (unsavedLabels().length === 0) return;
    event.preventDefault();
    event.returnValue = '';
  };
  win.addEventListener('hashchange', onHashChange);
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    win.removeEventListener('hashchange', onHashChange);
    win.removeEventListener('beforeunload', onBeforeUnload);
  };
}
