import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  enforcementCategories,
  roles,
  STATUS_LABELS,
  type DecisionRecord,
  type ReviewBlockedOn,
  type ReviewHistoryEntry,
  type ReviewView,
  type ReviewViewDraft,
  type ReviewViewOpinion,
  type ReviewViewSendBack,
} from '@enforcement/domain';

const nullable = { nullable: true, type: String } as const;

class LabelDto {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

class ViewOpinionDto implements ReviewViewOpinion {
  @ApiProperty({ description: 'one of the six opinions of L9' }) type!: ReviewViewOpinion['type'];
  @ApiProperty({ description: '意见书文号' }) documentNo!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ description: 'issued after the review limit ran out (L13)' }) overdue!: boolean;
  @ApiProperty({ enum: ['legal-section', 'expert-meeting', 'collective-discussion'] })
  settledBy!: ReviewViewOpinion['settledBy'];
}

class ViewTransferDto {
  @ApiProperty() to!: string;
  @ApiProperty({ enum: ['beyond-powers', 'suspected-crime'] }) ground!: 'beyond-powers' | 'suspected-crime';
}

/** 初审 — the drafted opinion awaiting re-review (L9). */
class ViewDraftDto implements ReviewViewDraft {
  @ApiProperty({ description: 'one of the six opinions of L9' }) type!: ReviewViewDraft['type'];
  @ApiProperty({ description: '意见书文号' }) documentNo!: string;
  @ApiProperty({ description: '审核理由 — the reasoning in brief' }) summary!: string;
  @ApiPropertyOptional({ type: ViewTransferDto, nullable: true }) transfer!: ViewTransferDto | null;
  @ApiProperty({ description: '初审人 — user id of the drafter' }) draftedBy!: string;
  @ApiProperty() draftedAt!: string;
}

/** 复审退回 — why the last draft went back (L9). */
class ViewSendBackDto implements ReviewViewSendBack {
  @ApiProperty({ description: '退回理由' }) reasons!: string;
  @ApiProperty({ description: 'user id of the re-reviewer' }) sentBackBy!: string;
  @ApiProperty() sentBackAt!: string;
}

class DecisionRecordDto implements DecisionRecord {
  @ApiProperty() decidedAt!: string;
  @ApiProperty() decidedBy!: string;
  @ApiProperty({ enum: ['agency-head-approval', 'collective-discussion'] }) mode!: DecisionRecord['mode'];
  @ApiProperty(nullable) minutesRef!: string | null;
  @ApiProperty({ description: '决定书' }) decisionRef!: string;
}

class HistoryEntryDto implements ReviewHistoryEntry {
  @ApiProperty({ example: 'review.accepted.v1' }) type!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'user id, or system:<workflowId> for timers' }) actorId!: string;
  @ApiProperty() summary_zh!: string;
  @ApiProperty() summary_en!: string;
}

class BlockedOnDto implements ReviewBlockedOn {
  @ApiProperty({ enum: ['opinion-document', 'save-change'] }) step!: ReviewBlockedOn['step'];
  @ApiProperty({ description: 'when the step first failed past its retries' }) since!: string;
  @ApiProperty({ description: 'the last error the failing step reported' }) lastError!: string;
  @ApiProperty() attempts!: number;
}

/** 法制审核 as the API returns it (the workflow's `reviewView`). */
export class ReviewViewDto implements ReviewView {
  @ApiProperty() reviewId!: string;
  @ApiProperty() caseNo!: string;
  @ApiProperty({ description: 'handling unit' }) unitId!: string;
  @ApiPropertyOptional({
    description: 'legal advisors the section invited (L10): of their role, only they read the review',
    type: [String],
  })
  invitedAdvisorIds?: string[];
  @ApiProperty() agencyId!: string;
  @ApiProperty({ enum: enforcementCategories }) category!: ReviewView['category'];
  @ApiProperty({ enum: Object.keys(STATUS_LABELS) }) status!: ReviewView['status'];
  @ApiProperty({ type: LabelDto }) statusLabel!: LabelDto;
  @ApiProperty({ description: '0 before acceptance, then 1 + resubmissions' }) round!: number;
  @ApiProperty({ description: 'step of the process, as the task inbox names it' }) step!: ReviewView['step'];
  @ApiProperty({ enum: roles, isArray: true, description: 'roles that must act next' })
  nextActorRoles!: ReviewView['nextActorRoles'];
  @ApiProperty({ ...nullable, description: 'running time limit (supplement window or review limit)' })
  deadline!: string | null;
  @ApiProperty({ nullable: true, enum: ['review', 'supplement'] }) deadlineKind!: ReviewView['deadlineKind'];
  @ApiProperty({ ...nullable, description: 'when the deadline warning is due (C2)' }) warningAt!: string | null;
  @ApiProperty({
    description:
      '暂定期限：期限涉及按《全国年节及纪念日放假办法》推定的暂定年度，国务院办公厅正式安排发布后重新计算 / ' +
      'provisional: the deadline and its warning reach into the provisional year of the working-day calendar ' +
      '(derived from the national holiday regulation) and are re-timed when the official arrangement is published ' +
      '(W7); false without a deadline',
  })
  deadlineProvisional!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'working days left before the deadline, today included' })
  workdaysLeft!: number | null;
  @ApiProperty() asOf!: string;
  @ApiProperty({ description: 'submitted fewer than 10 working days before the handling deadline (L3)' })
  lateSubmission!: boolean;
  @ApiProperty({ description: 'the review limit ran out (L13)' }) overdue!: boolean;
  @ApiProperty({ type: [String] }) openPauseIds!: string[];
  @ApiPropertyOptional({ type: ViewOpinionDto, nullable: true }) opinion!: ViewOpinionDto | null;
  @ApiPropertyOptional({
    type: ViewDraftDto,
    nullable: true,
    description: 'L9 初审: the draft awaiting re-review, while the status is opinion-drafted',
  })
  draft?: ViewDraftDto | null;
  @ApiPropertyOptional({
    type: ViewSendBackDto,
    nullable: true,
    description: 'L9 复审退回: why the last draft went back, while the opinion is redrafted',
  })
  sendBack?: ViewSendBackDto | null;
  @ApiProperty({ description: 'L12: true only after a passed review with a recorded decision' })
  mayIssueDecision!: boolean;
  @ApiPropertyOptional({ type: DecisionRecordDto, nullable: true }) decision!: DecisionRecordDto | null;
  @ApiProperty(nullable) calendarFingerprint!: string | null;
  @ApiProperty({ description: 'accepted commands so far' }) revision!: number;
  @ApiProperty({ type: [HistoryEntryDto] }) history!: HistoryEntryDto[];
  @ApiPropertyOptional({
    type: BlockedOnDto,
    description:
      'present while a later change cannot be recorded yet (e.g. the opinion document cannot be stored): the view ' +
      'and the decision gate stay at the last recorded state until it is (issue 8 §3c)',
  })
  blockedOn?: BlockedOnDto;
}

/** Answer of the decision gate when the decision may be issued (SPEC L12). */
export class DecisionAllowedDto {
  @ApiProperty({ enum: [true] }) allowed!: true;
  @ApiProperty({ type: DecisionRecordDto }) decision!: DecisionRecordDto;
}
