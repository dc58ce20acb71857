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
