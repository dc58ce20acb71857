// 聘书 (seed 000 §三): issuing, reprinting and the register. Other modules import from here.
export { CertificatePanel, type CertificatePanelProps } from './CertificatePanel';
export { BatchCertificateButton, type BatchCertificateButtonProps } from './BatchCertificateButton';
export { CertificateRegisterPanel } from './CertificateRegisterPanel';
