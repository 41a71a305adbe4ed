import { Module } from '@nestjs/common';
import { DeviceAdministratorsController } from './device-administrators.controller';
import { DeviceCheckLimit } from './device-check.limit';
import { DeviceCheckoutsController } from './device-checkouts.controller';
import { DeviceCoverageController } from './device-coverage.controller';
import { DeviceLifecycleController } from './device-lifecycle.controller';
import { DeviceLossesController } from './device-losses.controller';
import { DevicesController } from './devices.controller';
import { DeviceSettings } from './devices.settings';
import { UserDirectory } from './user-directory';

/**
 * 执法记录仪 (SPEC R11): the register and its periodic checks (a limit per device, C2), the checkout log (approval,
 * return by the expected time, export with the memory cleared), a loss or damage while out, retirement and
 * reassignment, the administrators' roster, and each unit's body cameras against its officers (one per 5, seed 000).
 */
@Module({
  controllers: [
    DevicesController,
    DeviceCheckoutsController,
    DeviceLifecycleController,
    DeviceLossesController,
    DeviceAdministratorsController,
    DeviceCoverageController,
  ],
  providers: [DeviceSettings, DeviceCheckLimit, UserDirectory],
})
export class DevicesModule {}
