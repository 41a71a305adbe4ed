import { Module } from '@nestjs/common';
import { CaseCommandClient } from './case-command.client';
import { RecordingAccessController } from './recording-access.controller';
import { RecordingArchiveController } from './recording-archive.controller';
import {
  RecordingDeviceAdministratorsController,
  RecordingDeviceCoverageController,
  RecordingDevicesController,
} from './recording-devices.controller';
import { RecordingEvaluationController } from './recording-evaluation.controller';
import { RecordingInspectionsController } from './recording-inspections.controller';
import { RecordingRoomsController } from './recording-rooms.controller';
import { RecordRoomPlace } from './record-room.place';
import { RecordingController } from './recording.controller';
import { RecordingForwardClient } from './recording-forward.client';
import { CaseListController } from './case-list.controller';
import { RecordingReadApi } from './recording-read.api';

/** The edge of the case record (SPEC R1–R13). */
@Module({
  controllers: [
    RecordingController,
    CaseListController,
    RecordingAccessController,
    RecordingArchiveController,
    RecordingInspectionsController,
    RecordingEvaluationController,
    RecordingDevicesController,
    RecordingDeviceAdministratorsController,
    RecordingDeviceCoverageController,
    RecordingRoomsController,
  ],
  providers: [CaseCommandClient, RecordingReadApi, RecordingForwardClient, RecordRoomPlace],
})
export class RecordingModule {}
