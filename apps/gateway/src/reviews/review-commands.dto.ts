import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCanonicalId, IsStoreSafeText } from '@enforcement/platform';
import {
  OPINION_LABELS,
  REVIEW_ITEMS,
  type FindingOutcome,
  type MaterialItemId,
  type PauseKind,
  type ReviewFinding,
  type ReviewItem,
  type ReviewOpinionType,
  type TransferRecord,
} from '@enforcement/domain';
import { Nested, NestedList, OneOf, OptionalId, OptionalText, Text } from './review-fields';
import { CaseFactsDto, materialItems, SubmittedMaterialDto } from './submit-review.dto';

const opinions = Object.keys(OPINION_LABELS) as ReviewOpinionType[];
const reviewItems: readonly ReviewItem[] = REVIEW_ITEMS.map((r) => r.item);
const TRANSFER_HELP = 'receiving body and ground; required for a transfer opinion, forbidden otherwise';
const OPINION_HELP =
  'approve 同意 · transfer 移送 · amend 变更/补充 · correct 补正/终止 · reinvestigate 重新调查/终止 · correct-documents 补充/更正文书';

/** Receiving body and ground of a transfer (移送). */
export class TransferDto implements TransferRecord {
  @Text('agency or judicial organ receiving the case', 200) to!: string;
  @OneOf(['beyond-powers', 'suspected-crime'], '超出本机关职权范围 or 涉嫌犯罪') ground!: TransferRecord['ground'];
}

/** Items of the checklist, for the one-time notice or a refusal (SPEC L5). */
export class MaterialItemsDto {
  @ApiProperty({ description: 'every missing item, in one notice', enum: materialItems, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(materialItems.length)
  @IsIn(materialItems, { each: true })
  missing!: MaterialItemId[];
}

/** 补正 — the unit's one supplement (SPEC L5). */
export class SupplementDto {
  @NestedList(SubmittedMaterialDto, 'the supplied items; they replace earlier documents', { min: 1, max: 100 })
  materials!: SubmittedMaterialDto[];
}

/** 中止计时 — expert consultation or verification stops the clock (SPEC L7). */
export class PauseDto {
  @OptionalId('id of the pause, unique within the round') pauseId?: string;
  @OneOf(['expert-consultation', 'verification'], '专家论证 or 核实情况') kind!: PauseKind;
  @Text('what is being consulted or verified') reason!: string;
}

/** A reason, for an extension request or a withdrawal. */
export class ReasonDto {
  @Text('why') reason!: string;
}

/** 不赞成审核意见 — why the unit disputes the opinion (SPEC L11). */
export class DisagreementDto {
  @Text('why the unit disagrees with the opinion') reasons!: string;
}

/** 审核结论 on one review item (SPEC L8). */
export class FindingDto implements ReviewFinding {
  @OneOf(reviewItems, 'review item') item!: ReviewItem;
  @OneOf(['satisfied', 'problem', 'not-applicable'], 'result of the item') outcome!: FindingOutcome;

  @ApiProperty({ description: 'reasoning; required when the outcome is problem', maxLength: 2000 })
  @IsString()
  @Length(0, 2000)
  @IsStoreSafeText({ max: 2000, min: 0, multiline: true })
  note!: string;
}

export class FindingsDto {
  @NestedList(FindingDto, 'one finding per review item; replaces earlier findings', { min: 1, max: reviewItems.length })
  findings!: FindingDto[];
}

/** 邀请法律顾问 — the legal section invites a legal advisor (by user id) to the review (SPEC L10, C1). */
export class AdvisorInvitationDto {
  @ApiProperty({ description: 'user id of the legal advisor', example: 'u-legal-advisor' })
  @IsString()
  @Length(1, 64)
  @IsCanonicalId()
  advisorId!: string;
}

/** 法律顾问书面意见 — an external legal advisor's written opinion (SPEC L10). */
export class AdvisorOpinionDto {
  @OptionalId('id of the opinion, unique within the round') opinionId?: string;
  /**
   * Required when the legal section attaches an opinion on an advisor's behalf; an advisor attaching their own
   * leaves it out — their name is their sign-in's, never a body field (C1).
   */
  @OptionalText('name of the legal advisor or firm (only when the legal section attaches it on their behalf)', 200)
  advisorName?: string;
  @Text('stored written opinion', 300) documentRef!: string;
}

/** 复核 — the section's conclusion on an advisor's opinion (SPEC L10). */
export class AdvisorOpinionReviewDto {
  @Text('the section’s conclusion on the advisor’s opinion') note!: string;
}

/** 初审 — a legal reviewer drafts the section's opinion; it is issued only after its re-review (SPEC L9). */
export class OpinionDraftDto {
  @OneOf(opinions, OPINION_HELP) opinion!: ReviewOpinionType;
  @Text('number of the opinion document (意见书文号)', 100) documentNo!: string;
  @Text('the opinion’s reasoning in brief (审核理由)') summary!: string;

  @Nested(TransferDto, TRANSFER_HELP, true)
  transfer?: TransferDto;
}

/** 复审 — a second person of the legal section signs the draft or sends it back (SPEC L9). */
export class OpinionReReviewDto {
  @OneOf(['approve', 'send-back'], 'approve 签发 — sign and issue the opinion · send-back 退回 — return it to drafting')
  decision!: 'approve' | 'send-back';

  @OptionalText('退回理由 — why the draft goes back; required for send-back')
  reasons?: string;
}

/** 重新报送 — the unit resubmits after amending, correcting or reinvestigating. */
export class ResubmitDto {
  @Nested(CaseFactsDto, 'facts as they stand now')
  caseFacts!: CaseFactsDto;

  @NestedList(SubmittedMaterialDto, 'new or replaced materials', { max: 100 })
  materials!: SubmittedMaterialDto[];

  @Text('what the unit changed') note!: string;
}

/** 专家论证会结果 (SPEC L11). */
export class ExpertMeetingOutcomeDto {
  @ApiProperty({ description: 'the meeting brought both sides to one opinion' })
  @IsBoolean()
  agreed!: boolean;

  @ApiPropertyOptional({ enum: opinions, description: `the agreed opinion; required when agreed. ${OPINION_HELP}` })
  @IsOptional()
  @IsIn(opinions)
  agreedOpinion?: ReviewOpinionType;

  @Nested(TransferDto, TRANSFER_HELP, true)
  transfer?: TransferDto;

  @Text('专家论证会议纪要 / 专家意见书', 300) minutesRef!: string;
}

/** 集体讨论 — the leadership settles the disagreement (SPEC L11). */
export class CollectiveDiscussionDto {
  @OneOf(opinions, `the opinion the leadership adopts. ${OPINION_HELP}`) resolvedOpinion!: ReviewOpinionType;

  @Nested(TransferDto, TRANSFER_HELP, true)
  transfer?: TransferDto;

  @Text('会议纪要 — minutes of the collective discussion', 300) minutesRef!: string;
}

/** 作出决定 (SPEC L12). */
export class DecisionDto {
  @OneOf(['agency-head-approval', 'collective-discussion'], '机关负责人批准 or 集体讨论决定')
  mode!: 'agency-head-approval' | 'collective-discussion';

  @OptionalText('minutes of the collective discussion; required for collective-discussion', 300) minutesRef?: string;
  @Text('the decision document (决定书)', 300) decisionRef!: string;
}

/** Someone is about to issue the major decision (SPEC L12 gate). */
export class DecisionAttemptDto {
  @OptionalText('what is attempted, e.g. the draft decision number', 300) decisionRef?: string;
}
