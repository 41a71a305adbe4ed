/**
 * Why an opinion document could not be made. Codes are stable; the messages are in Chinese and English because the
 * input problems reach a reviewer and the font problems an operator.
 */

/** The input cannot make a lawful, complete document (a field is blank, a date is not an instant, …). */
export class OpinionDocumentInputError extends Error {
  readonly code = 'OPINION_DOCUMENT.INVALID_INPUT' as const;

  constructor(
    readonly field: string,
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(
      `法制审核意见书字段“${field}”无效：${message_zh} / opinion document field "${field}" is invalid: ${message_en}`,
    );
    this.name = 'OpinionDocumentInputError';
  }
}

/** No usable Chinese font on this machine: without one the document would print empty boxes (豆腐块). */
export class OpinionFontNotFoundError extends Error {
  readonly code = 'OPINION_DOCUMENT.FONT_NOT_FOUND' as const;

  constructor(readonly looked: readonly string[]) {
    super(
      `找不到生成法制审核意见书所需的中文字体（已查找：${looked.join('、')}）。` +
        `请以 root 运行 infra/local/fonts 或 apt-get install -y fonts-noto-cjk，或设置 OPINION_FONT_PATH。` +
        ` / No Chinese font for the opinion document (looked in: ${looked.join(', ')}).` +
        ` Fix: run infra/local/fonts as root or apt-get install -y fonts-noto-cjk, or set OPINION_FONT_PATH.`,
    );
    this.name = 'OpinionFontNotFoundError';
  }
}

/** The font was found but cannot be used: a collection without a member name, or characters it has no glyph for. */
export class OpinionFontUnusableError extends Error {
  readonly code = 'OPINION_DOCUMENT.FONT_UNUSABLE' as const;

  constructor(
    readonly fontPath: string,
    readonly problem_zh: string,
    readonly problem_en: string,
  ) {
    super(`字体 ${fontPath} 不可用：${problem_zh} / font ${fontPath} cannot be used: ${problem_en}`);
    this.name = 'OpinionFontUnusableError';
  }
}
