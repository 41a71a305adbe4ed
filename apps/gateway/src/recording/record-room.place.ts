import { HttpStatus, Injectable } from '@nestjs/common';
import { placeProblems, type HearingRoomState, type RecordRoom } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import { RecordingForwardClient, type ForwardCaller } from './recording-forward.client';

/**
 * The place rule at the edge (R5; seed 000 三(二)3(2) 执法办案场所必须进行全程音像记录): a transcript taken in a hearing/
 * interview room names it (`roomId`); the room comes from recording-svc's register, never from the caller, and goes
 * into the record as `fields.room`, where a room with AV makes the case's rules ask for full-process AV. A room of
 * another unit (or none), out of service, or on a record that is no transcript is refused naming `roomId`.
 */
@Injectable()
export class RecordRoomPlace {
  constructor(private readonly recording: RecordingForwardClient) {}

  /** The record's fields with the room put in from the register — or the caller's own `room` removed when none. */
  async fieldsWithRoom(
    record: { type: string; fields: Record<string, unknown>; roomId?: string },
    caseUnitId: string,
    caller: ForwardCaller,
  ): Promise<Record<string, unknown>> {
    const { room: _callerSaid, ...fields } = record.fields;
    if (record.roomId === undefined) return fields;
    const room = await this.lookUp(record.roomId, caller);
    const [problem] = placeProblems(record.type, room, caseUnitId);
    if (problem || room === null) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        {
          zh: `请求字段不符合要求：roomId（${problem?.zh}）`,
          en: `These fields are not valid: roomId (${problem?.en})`,
        },
        [{ field: 'roomId', problems: [`${problem?.zh} / ${problem?.en}`] }],
      );
    }
    const placed: RecordRoom = { id: room.id, name: room.name, unitId: room.unitId, av: room.hasAv };
    return { ...fields, room: placed };
  }

  /** The room, or null when the register has none the caller may know of (another unit's answers 404, C1). */
  private async lookUp(id: string, caller: ForwardCaller): Promise<HearingRoomState | null> {
    try {
      const res = await this.recording.send('GET', `/hearing-rooms/${encodeURIComponent(id)}/place`, caller);
      return res.json as HearingRoomState;
    } catch (err) {
      if (err instanceof AppError && err.status === HttpStatus.NOT_FOUND) return null;
      throw err;
    }
  }
}
