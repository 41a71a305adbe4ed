import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SUPERVISION_KINDS, type SupervisionKind } from '@enforcement/domain';
import { PageQuery } from '@enforcement/platform';

/** The personal inbox's query (C2): one kind, one page. Whose tasks is never asked: the token says. */
export class MyTasksQuery extends PageQuery({ defaultPageSize: 50 }) {
  @ApiPropertyOptional({ enum: SUPERVISION_KINDS, description: 'Only tasks of this kind' })
  @IsOptional()
  @IsIn(SUPERVISION_KINDS)
  kind?: SupervisionKind;
}
