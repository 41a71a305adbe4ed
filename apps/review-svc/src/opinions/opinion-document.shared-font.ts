/**
 * One parsed font per face for the life of the process.
 *
 * pdfkit parses the font file anew for every document it is given. For a CJK OpenType font that parse (the CFF charset
 * and subroutines, the GSUB tables decoded on first layout) costs more than laying out the whole opinion: measured on
 * this machine, ~700 ms CPU per opinion (two copies) with a fresh parse each time, ~280 ms with the parse shared.
 * The parsed font is only read once built, so each document gets its own embedding (subset, widths, font id) around
 * the shared one.
 *
 * This leans on two internals of pdfkit 0.17, checked on every use so an upgrade that changes them fails loudly
 * instead of embedding the wrong thing: `doc._font` (the embedding of the current face, whose `font` is the parsed
 * fontkit font and whose class builds embeddings) and `doc._fontFamilies` / `doc._fontCount` (the per-document cache
 * that `doc.font(name)` reads, and the counter pdfkit numbers font ids with).
 */
import type { LoadedFontFace } from './opinion-document.font';

type ParsedFont = object;
type EmbeddingClass = new (doc: PDFKit.PDFDocument, font: ParsedFont, id: string) => object;

interface PdfKitFontInternals {
  _font?: { font?: ParsedFont; constructor: EmbeddingClass } | null;
  _fontFamilies?: Record<string, object>;
  _fontCount?: number;
}

interface SharedFace {
  readonly font: ParsedFont;
  readonly embedding: EmbeddingClass;
}

const shared = new Map<string, SharedFace>();

function internalsOf(doc: PDFKit.PDFDocument): PdfKitFontInternals {
  const internals = doc as unknown as PdfKitFontInternals;
  if (typeof internals._fontCount !== 'number' || typeof internals._fontFamilies !== 'object') {
    throw new Error("cannot share the opinion document's font between documents: the PDF library's font API changed");
  }
  return internals;
}

/**
 * Makes `doc.font(name)` select `face` in this document. The first document in the process parses the face through
 * pdfkit as usual; every later one reuses that parse.
 */
export function useFontFace(doc: PDFKit.PDFDocument, name: string, face: LoadedFontFace): void {
  const internals = internalsOf(doc);
  const key = `${face.path}#${face.family ?? ''}`;
  const known = shared.get(key);
  if (known) {
    // Numbered exactly as pdfkit numbers a face on first use, so the bytes are the same as for the first document.
    internals._fontFamilies![name] = new known.embedding(doc, known.font, `F${++internals._fontCount!}`);
    return;
  }
  doc.registerFont(name, face.data, face.family);
  const previous = internals._font;
  doc.font(name);
  const embedded = internals._font;
  if (!embedded?.font || typeof embedded.constructor !== 'function') {
    throw new Error("cannot share the opinion document's font between documents: the PDF library's font API changed");
  }
  shared.set(key, { font: embedded.font, embedding: embedded.constructor });
  // Leave the current face as it was: selecting a face is the composer's business, not this function's.
  if (previous) internals._font = previous;
}
