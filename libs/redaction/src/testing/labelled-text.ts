import type { PersonalDataSpan, PersonalDataType, RedactionContext } from '../personal-data.types';

/** A text with the spans the engine is expected to find, as the generator or a hand-written case states them. */
export interface LabelledText {
  id: string;
  /** Which template or hand-written group produced it, for per-format reports. */
  format: string;
  text: string;
  spans: PersonalDataSpan[];
  /** What a caller would know; the measurement runs once with it and once with text alone. */
  context?: RedactionContext;
}

/** Appends text piece by piece and records a span for each labelled piece, so labels are exact by construction. */
export class LabelledTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly spans: PersonalDataSpan[] = [];

  t(...pieces: string[]): this {
    for (const piece of pieces) {
      this.parts.push(piece);
      this.length += piece.length;
    }
    return this;
  }

  /** Labelled piece; `type` null means "shown, but nothing to find here" (kept for readability at call sites). */
  pii(type: PersonalDataType | null, value: string): this {
    if (type !== null && value.length > 0)
      this.spans.push({ type, start: this.length, end: this.length + value.length });
    return this.t(value);
  }

  build(id: string, format: string, context?: RedactionContext): LabelledText {
    return { id, format, text: this.parts.join(''), spans: this.spans.slice(), context };
  }
}

/**
 * Hand-written cases mark expected spans inline as «type|value»: "证人«person-name|张三»称". Text outside the
 * marks is expected to hold nothing to find.
 */
export function fromMarkup(id: string, format: string, markup: string, context?: RedactionContext): LabelledText {
  const builder = new LabelledTextBuilder();
  const mark = /«([a-z-]+)\|([^»]*)»/g;
  let last = 0;
  for (const m of markup.matchAll(mark)) {
    builder.t(markup.slice(last, m.index));
    builder.pii(m[1] as PersonalDataType, m[2]);
    last = m.index + m[0].length;
  }
  builder.t(markup.slice(last));
  return builder.build(id, format, context);
}
