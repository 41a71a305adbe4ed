import { Module } from '@nestjs/common';
import { DeviceAdministratorsController } from './device-administrators.controller';
import { DeviceCheckLimit } from './device-check.limit';
import { DeviceCheckoutsController } from './device-checkouts.controller';
import { DeviceLifecycleController } from './device-lifecycle.controller';
import { DeviceLossesController } from './device-losses.controller';
import { DevicesController } from './devices.controller';
import { DeviceSettings } from './devices.settings';

/**
 * 执法记录仪 (SPEC R11): the register and its periodic checks (a limit per device, C2), the checkout log (approval, return by the expected time,
 * export with the memory cleared), a loss or damage while out, retirement and reassignment, and the administrators' roster.
 */
@Module({
  controllers: [
    DevicesController,
    DeviceCheckoutsController,
    DeviceLifecycleController,
    DeviceLossesController,
    DeviceAdministratorsController,
  ],
  providers: [DeviceSettings, DeviceCheckLimit],
})
export class DevicesModule {}
