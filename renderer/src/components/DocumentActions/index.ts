export { DocumentActions, WORD_FILTER, type DocumentActionsProps } from './DocumentActions';
export { DocumentPreviewModal } from './DocumentPreviewModal';
export { packDocument, packDocuments, isAbortError, type PackOptions } from './pack-document';
export { progressPercent, type PackedDocument, type PackProgress } from './pack-protocol';
