/**
 * Where the Chinese font for the opinion document comes from. Order of search:
 * 1. `OPINION_FONT_PATH` (a .ttf/.otf, or a .ttc/.otc collection with `OPINION_FONT_FAMILY` naming the member by its
 *    PostScript name, e.g. `NotoSerifCJKsc-Regular`; list them with `fc-scan --format '%{postscriptname}\n' FILE`).
 *    The whole document then uses that one face.
 * 2. The Debian packages below, first found wins. Noto Serif CJK comes first: a Song-style serif is what Chinese
 *    official documents are set in, and its bold face sets the title. `infra/local/fonts` installs it.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CJK_FONT_CANDIDATES } from '@enforcement/platform/documents/cjk-font';
import { OpinionFontNotFoundError, OpinionFontUnusableError } from './opinion-document.errors';

/** One face: a font file and, for a collection, which member. */
export interface OpinionFontFace {
  readonly path: string;
  /** PostScript name of the member of a .ttc/.otc; `undefined` for a single-font file. */
  readonly family: string | undefined;
}

/** Body text and headings. `bold` is the same face as `regular` when the source has no bold. */
export interface OpinionFonts {
  readonly regular: OpinionFontFace;
  readonly bold: OpinionFontFace;
}

/** A face read into memory, ready to embed. */
export interface LoadedFontFace extends OpinionFontFace {
  readonly data: Buffer;
}

/** Debian fonts that cover simplified Chinese, best first, with the package that installs each (one list, shared). */
export const OPINION_FONT_CANDIDATES: readonly { readonly debianPackage: string; readonly fonts: OpinionFonts }[] =
  CJK_FONT_CANDIDATES;

function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds the fonts, or throws `OpinionFontNotFoundError` naming every place looked and the package to install. */
export function locateOpinionFonts(
  env: Readonly<Record<string, string | undefined>> = process.env,
  readable: (path: string) => boolean = isReadable,
): OpinionFonts {
  const configured = env['OPINION_FONT_PATH']?.trim();
  if (configured) {
    if (!readable(configured)) throw new OpinionFontNotFoundError([`OPINION_FONT_PATH=${configured}`]);
    // A known Debian collection needs no OPINION_FONT_FAMILY: its simplified-Chinese member is the default.
    const known = OPINION_FONT_CANDIDATES.flatMap((c) => [c.fonts.regular, c.fonts.bold]).find(
      (face) => basename(face.path) === basename(configured),
    );
    const face: OpinionFontFace = { path: configured, family: env['OPINION_FONT_FAMILY']?.trim() || known?.family };
    return { regular: face, bold: face };
  }
  for (const { fonts } of OPINION_FONT_CANDIDATES) {
    if (!readable(fonts.regular.path)) continue;
    return { regular: fonts.regular, bold: readable(fonts.bold.path) ? fonts.bold : fonts.regular };
  }
  throw new OpinionFontNotFoundError(OPINION_FONT_CANDIDATES.map((c) => c.fonts.regular.path));
}

// Font files are tens of megabytes and never change while a process runs: read each once.
const loaded = new Map<string, Buffer>();

/** Reads a face; a collection without a member name is refused here, before the PDF library fails obscurely. */
export function loadFontFace(face: OpinionFontFace): LoadedFontFace {
  const data = loaded.get(face.path) ?? readFileSync(face.path);
  const tag = data.subarray(0, 4).toString('latin1');
  if ((tag === 'ttcf' || /\.(ttc|otc)$/i.test(face.path)) && !face.family) {
    throw new OpinionFontUnusableError(
      face.path,
      "这是字体集合文件，请用 OPINION_FONT_FAMILY 指定其中简体中文字体的 PostScript 名称（fc-scan --format '%{postscriptname}\\n' 可列出）",
      "it is a font collection; set OPINION_FONT_FAMILY to its simplified-Chinese member's PostScript name (list them with fc-scan --format '%{postscriptname}\\n')",
    );
  }
  loaded.set(face.path, data);
  return { ...face, data };
}
