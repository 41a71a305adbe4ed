/** DI token of the evidence store's configuration (`EvidenceConfig`). */
export const EVIDENCE_CONFIG = Symbol('EVIDENCE_CONFIG');
