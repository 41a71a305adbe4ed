export * from './opinion-document.errors';
export {
  locateOpinionFonts,
  OPINION_FONT_CANDIDATES,
  type OpinionFontFace,
  type OpinionFonts,
} from './opinion-document.font';
export { opinionDocumentNumber } from './opinion-document.number';
export { OPINION_DOCUMENT_TITLE, renderOpinionDocument, type RenderOpinionOptions } from './opinion-document.renderer';
export * from './opinion-document.types';
