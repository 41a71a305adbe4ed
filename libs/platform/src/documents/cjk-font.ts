/**
 * The Chinese font every generated document embeds (opinion documents, record exports, archive covers). One list of
 * Debian locations for the whole project, best first: a Song-style serif (Noto Serif CJK) is what Chinese official
 * documents are set in. `infra/local/fonts` installs it. A service may name its own file through configuration.
 */
import { accessSync, constants, readFileSync } from 'node:fs';

/** One face: a font file and, for a .ttc/.otc collection, the PostScript name of the member. */
export interface CjkFontFace {
  readonly path: string;
  readonly family: string | undefined;
}

export interface CjkFonts {
  readonly regular: CjkFontFace;
  readonly bold: CjkFontFace;
}

const NOTO = '/usr/share/fonts/opentype/noto';

/** Debian fonts that cover simplified Chinese, best first, with the package that installs each. */
export const CJK_FONT_CANDIDATES: readonly { readonly debianPackage: string; readonly fonts: CjkFonts }[] = [
  {
    debianPackage: 'fonts-noto-cjk',
    fonts: {
      regular: { path: `${NOTO}/NotoSerifCJK-Regular.ttc`, family: 'NotoSerifCJKsc-Regular' },
      bold: { path: `${NOTO}/NotoSerifCJK-Bold.ttc`, family: 'NotoSerifCJKsc-Bold' },
    },
  },
  {
    debianPackage: 'fonts-noto-cjk',
    fonts: {
      regular: { path: `${NOTO}/NotoSansCJK-Regular.ttc`, family: 'NotoSansCJKsc-Regular' },
      bold: { path: `${NOTO}/NotoSansCJK-Bold.ttc`, family: 'NotoSansCJKsc-Bold' },
    },
  },
  {
    debianPackage: 'fonts-arphic-uming',
    fonts: {
      regular: { path: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'UMingCN' },
      bold: { path: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'UMingCN' },
    },
  },
  {
    debianPackage: 'fonts-wqy-zenhei',
    fonts: {
      regular: { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
      bold: { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
    },
  },
];

function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The configured face (`configured.path`, with `configured.family` for a collection), else the first Debian candidate
 * found; null when there is none, so the caller can name what to install in its own error.
 */
export function findCjkFonts(
  configured: { path?: string; family?: string } = {},
  readable: (path: string) => boolean = isReadable,
): CjkFonts | null {
  const path = configured.path?.trim();
  if (path) {
    if (!readable(path)) return null;
    const known = CJK_FONT_CANDIDATES.flatMap((c) => [c.fonts.regular, c.fonts.bold]).find((f) => f.path === path);
    const face = { path, family: configured.family?.trim() || known?.family };
    return { regular: face, bold: face };
  }
  for (const { fonts } of CJK_FONT_CANDIDATES) {
    if (readable(fonts.regular.path)) {
      return { regular: fonts.regular, bold: readable(fonts.bold.path) ? fonts.bold : fonts.regular };
    }
  }
  return null;
}

// Font files are tens of megabytes and never change while a process runs: read each once.
const cache = new Map<string, Buffer>();

export function readFontFile(path: string): Buffer {
  const data = cache.get(path) ?? readFileSync(path);
  cache.set(path, data);
  return data;
}
