import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, ObjectionView } from '@enforcement/domain';
import { Access, CurrentActor } from '@enforcement/platform';
import { DecideObjectionDto } from '../portal/objection.dto';
import { ObjectionWorkflowClient } from './objection-workflow.client';

/** 更正申请处理 (SPEC D9): the handling unit's disclosure officer answers, correcting the item when it is wrong. */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure/objections')
export class ObjectionsController {
  constructor(private readonly objections: ObjectionWorkflowClient) {}

  @Post(':objectionId/decision')
  @HttpCode(HttpStatus.OK)
  @Access('disclosure.objections.decide')
  @ApiOperation({ summary: 'D9: answer an objection with reasons; a correction republishes the item' })
  decide(
    @Param('objectionId', new ParseUUIDPipe()) objectionId: string,
    @Body() dto: DecideObjectionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ObjectionView> {
    return this.objections.decide(objectionId, dto, actor);
  }
}
