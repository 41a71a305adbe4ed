/**
 * Contract of the 法制审核意见书 renderer (SPEC L9, seed 000 Annex 3). The caller (an activity) passes the review's
 * records as they are kept, plus the names of the people and bodies, which the review state holds only as ids.
 */
import type {
  AdvisorOpinionRecord,
  IsoInstant,
  OpinionCopy,
  PartyKind,
  PartyType,
  ReviewFinding,
  ReviewOpinionType,
  TransferRecord,
} from '@enforcement/domain';

/** A signature line: who signed, and when (printed as the Asia/Shanghai civil date). */
export interface OpinionSignature {
  /** Name as printed, e.g. `陈明`. */
  readonly name: string;
  /** When the person signed. */
  readonly signedAt: IsoInstant;
  /**
   * 初审 / 复审 (L9): which of the section's two reviews this reviewer signed for — the draft or its re-review.
   * Absent for documents whose opinion predates the two-person review; printed as a plain 审核人员 line then.
   */
  readonly stage?: 'draft' | 're-review';
}

/** 法律顾问书面意见 — the slice of an advisor's opinion the document prints (SPEC L10). */
export type AdvisorOpinionSummary = Pick<AdvisorOpinionRecord, 'advisorName' | 'reviewedAt' | 'reviewNote'>;

/** Everything printed on the opinion document; the same input always gives the same bytes. */
export interface OpinionDocumentInput {
  /** The enforcing agency and its legal-affairs section (法制机构), named in the heading and the sign-off. */
  readonly agency: {
    /** Full name, e.g. `衡阳市民政局`. */
    readonly name: string;
    /** Name of the legal-affairs section, e.g. `政策法规科`. */
    readonly legalSectionName: string;
  };
  /** 意见书文号, made by `opinionDocumentNumber`, e.g. `衡民法审〔2026〕12号`. */
  readonly documentNo: string;
  /** The case under review. */
  readonly case: {
    /** 案件编号 — the business key. */
    readonly caseNo: string;
    /** 案件名称, e.g. `某养老服务有限公司未按规定履行安全管理义务案`. */
    readonly title: string;
  };
  /** 承办机构 — name of the handling unit the first copy goes back to. */
  readonly handlingUnitName: string;
  /** 当事人. */
  readonly party: {
    readonly name: string;
    readonly type: PartyType;
    /**
     * The party's kind as the case record holds it (R1), printed instead of `type` when given; `null` when the case
     * record has no party (the name is then `详见案卷` and no kind is printed). Absent in inputs made before the
     * party came from the case record.
     */
    readonly kind?: PartyKind | null;
  };
  /** When the unit submitted (`SubmissionRecord.submittedAt`). */
  readonly submittedAt: IsoInstant;
  /** When the complete materials reached the section (`ReviewRound.completeMaterialsReceivedAt`); the L6 clock origin. */
  readonly completeMaterialsReceivedAt: IsoInstant;
  /** One finding per review item of L8 (`ReviewRound.findings`); printed in the regulation's order. */
  readonly findings: readonly ReviewFinding[];
  /** The section's opinion (L9). */
  readonly opinion: {
    /** One of the six opinions; its Chinese label comes from `OPINION_LABELS`. */
    readonly type: ReviewOpinionType;
    /** The reasoning, as long as it needs to be; blank lines separate paragraphs. */
    readonly reasoning: string;
    /** Receiving body and ground; required for `transfer`, `null` otherwise. */
    readonly transfer: TransferRecord | null;
  };
  /** Advisors' written opinions, each already reviewed by the section (L10); empty when no advisor took part. */
  readonly advisorOpinions: readonly AdvisorOpinionSummary[];
  /** 审核人员 — at least one; for an opinion of the two-person review (L9) the drafter (初审) and the re-reviewer (复审). */
  readonly reviewers: readonly OpinionSignature[];
  /** 法制机构负责人, when the section head signed; `null` when another legal reviewer re-reviewed and no head signed. */
  readonly legalSectionHead: OpinionSignature | null;
  /**
   * When the opinion was issued (`OpinionRecord.issuedAt`): the date of the sign-off and the PDF's creation date,
   * which also seeds the PDF file id — so nothing in the file depends on the clock of the machine that renders it.
   */
  readonly issuedAt: IsoInstant;
}

/** One registered copy (联) of the document. */
export interface OpinionDocumentCopy {
  /** Who holds it. */
  readonly copy: OpinionCopy;
  /** The PDF file. */
  readonly pdf: Buffer;
  /** Lower-case hex SHA-256 of `pdf`, to keep with the opinion record. */
  readonly sha256: string;
}

/** Both copies, handling unit's first. */
export interface OpinionDocumentResult {
  readonly copies: readonly OpinionDocumentCopy[];
}

/**
 * 一式两份 (Annex 3): one copy goes back to the handling unit with the case file, one stays in the legal section's
 * archive. The mark is printed at the top of every page; it is the only difference between the two files.
 */
export const OPINION_COPY_MARKS: Readonly<Record<OpinionCopy, string>> = {
  'handling-unit-with-case-file': '第一联 连同案卷回复承办机构',
  'legal-section-archive': '第二联 法制机构存档',
};

/** The copies in the order they are issued. */
export const OPINION_COPIES: readonly OpinionCopy[] = ['handling-unit-with-case-file', 'legal-section-archive'];
