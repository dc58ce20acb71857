/**
 * 附件 for every module (issue 11):
 *   <AttachmentsPanel table recordId readOnly? />      the files of one record, inline
 *   <AttachmentsButton table recordId title count? />  a row action opening that panel
 *   useAttachmentCounts(table)                          live count per record (badges)
 *   有/无附件 on a ledger: LedgerTable's `attachments` prop (components/LedgerTable)
 */
export { AttachmentsPanel, type AttachmentsPanelProps } from './AttachmentsPanel';
export { AttachmentsButton, type AttachmentsButtonProps } from './AttachmentsButton';
export { useAttachmentCounts, useAttachmentList } from './useAttachments';
