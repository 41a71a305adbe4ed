import 'reflect-metadata';
import { TaskItemDto } from './review-reads.dto';
import { ReviewViewDto } from './review-view.dto';

/** The options a DTO's @ApiProperty gave one property (the key @nestjs/swagger stores them under). */
function documented(dto: { prototype: object }, name: string): { description?: string } | undefined {
  return Reflect.getMetadata('swagger/apiModelProperties', dto.prototype, name);
}

describe('gateway review DTOs (SPEC W7)', () => {
  it('W7: the review view and the inbox item document deadlineProvisional, in Chinese and English', () => {
    for (const dto of [ReviewViewDto, TaskItemDto]) {
      const property = documented(dto, 'deadlineProvisional');
      expect(property?.description).toContain('暂定');
      expect(property?.description).toContain('provisional');
    }
  });
});
