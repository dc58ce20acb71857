/**
 * The slices of Electron's dialog module the services use. index.ts binds them to the main
 * window (so dialogs are modal to it); tests pass fakes.
 */
export interface DialogFileFilter {
  name: string;
  extensions: string[];
}

export interface SaveDialogOptionsLike {
  title?: string;
  defaultPath?: string;
  filters?: DialogFileFilter[];
  properties?: Array<'showOverwriteConfirmation' | 'createDirectory'>;
}

export interface OpenDialogOptionsLike {
  title?: string;
  defaultPath?: string;
  filters?: DialogFileFilter[];
  properties?: Array<'openFile' | 'multiSelections'>;
}

export interface SaveDialogLike {
  showSaveDialog(options: SaveDialogOptionsLike): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface OpenDialogLike {
  showOpenDialog(options: OpenDialogOptionsLike): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface MessageBoxOptionsLike {
  type: 'question' | 'warning' | 'info';
  title: string;
  message: string;
  detail?: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink?: boolean;
}

/** A native message box: the one way to ask the clerk that a page cannot answer for them. */
export interface MessageBoxLike {
  showMessageBox(options: MessageBoxOptionsLike): Promise<{ response: number }>;
}
