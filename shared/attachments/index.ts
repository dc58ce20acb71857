export * from './names';
export * from './kinds';
export * from './limits';
export * from './hash';
export { attachmentSchema, SHA256_PATTERN, MAX_ATTACHMENT_NAME, type Attachment } from '../domain/attachments/schema';
export * from './filter';
