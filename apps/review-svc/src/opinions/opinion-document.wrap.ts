/**
 * Line breaking for Chinese text. The renderer breaks lines itself (instead of letting the PDF library flow text)
 * because a table cell must be able to continue on the next page without losing a line, and because it must keep
 * the Chinese typesetting rules (标点禁则): a closing mark such as ，。、）” never starts a line and an opening mark
 * such as （“〔 never ends one. Between two Chinese characters a line may break anywhere; a run of Latin letters
 * and digits (a case number, an amount) stays whole unless it is wider than the line.
 */

/** Width of a string in the current font and size. */
export type MeasureText = (text: string) => number;

const NO_LINE_START = new Set([...'，。、；：！？）］｝〕〉》」』】〗”’…—·%％‰,.;:!?)]}']);
const NO_LINE_END = new Set([...'（［｛〔〈《「『【〖“‘([{']);
/**
 * Characters that join into one unbreakable run: Latin letters, digits and ASCII punctuation, so `5,000`,
 * `3.5%` and `ABC-123` stay whole. A run is still a unit of the 禁则 below: `(a)` will not end a line at `(`.
 */
const RUN = /[\p{Script=Latin}\p{Nd}!-/:-@[-`{-~]/u;

/** Cuts text into the smallest pieces a line may break between; spaces are their own pieces. */
export function breakUnits(text: string): string[] {
  const raw: string[] = [];
  for (const char of text) {
    const last = raw[raw.length - 1];
    const joinsRun = last !== undefined && RUN.test(char) && RUN.test([...last].pop() ?? '');
    if (joinsRun) raw[raw.length - 1] = last + char;
    else raw.push(char);
  }
  const units: string[] = [];
  let opening = '';
  for (const piece of raw) {
    if (/^\s+$/.test(piece)) {
      if (opening) units.push(opening);
      opening = '';
      units.push(' ');
      continue;
    }
    const unit = opening + piece;
    opening = '';
    const last = units[units.length - 1];
    if (NO_LINE_END.has([...unit].pop() ?? '')) opening = unit;
    else if (NO_LINE_START.has([...unit][0] ?? '') && last !== undefined && last !== ' ') {
      units[units.length - 1] = last + unit;
    } else units.push(unit);
  }
  if (opening) units.push(opening);
  return units;
}

/**
 * Breaks one paragraph into lines no wider than `width`; the first line may be narrower (`firstLineIndent`, the
 * two-character indent of Chinese paragraphs). Always at least one line, so an empty cell keeps its height.
 * A line's width is the sum of its units' widths: Chinese text has no kerning between characters, and measuring
 * each unit once keeps long documents fast.
 */
export function wrapText(text: string, width: number, measure: MeasureText, firstLineIndent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const room = (): number => (lines.length === 0 ? width - firstLineIndent : width);
  const flush = (): void => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
  };
  const append = (piece: string, pieceWidth: number): void => {
    line += piece;
    used += pieceWidth;
  };
  for (const unit of breakUnits(text)) {
    if (unit === ' ' && line === '') continue;
    const unitWidth = measure(unit);
    if (used + unitWidth <= room()) {
      append(unit, unitWidth);
      continue;
    }
    if (line.trim() !== '') flush();
    if (unit === ' ') continue;
    if (unitWidth <= room()) {
      append(unit, unitWidth);
      continue;
    }
    // A unit wider than a whole line (a long id, or a long run of closing marks) is cut by character.
    for (const char of unit) {
      const charWidth = measure(char);
      if (line !== '' && used + charWidth > room()) flush();
      append(char, charWidth);
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Paragraphs of a text: split on line breaks, blank ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
