import { IsOptional, IsString } from 'class-validator';
import { createValidationPipe } from '../errors/validation.pipe';
import { MAX_PAGE_NUMBER } from './number.decorators';
import { PageQuery } from './page-query.dto';

class Workbench extends PageQuery({ defaultPageSize: 50 }) {
  @IsOptional() @IsString() unitId?: string;
}
class Portal extends PageQuery({ defaultPageSize: 20, maxPageSize: 50, maxPage: 200 }) {}

type Problems = Record<string, string[]>;

/** What the pipe makes of a query string's values: the typed DTO, or the refusal's problems by field. */
async function check(metatype: new () => object, query: Record<string, string>): Promise<object | Problems> {
  try {
    return (await createValidationPipe().transform(query, { type: 'query', metatype })) as object;
  } catch (err) {
    const body = (err as { getResponse(): { details: { field: string; problems: string[] }[] } }).getResponse();
    return Object.fromEntries(body.details.map((d) => [d.field, d.problems]));
  }
}

describe('PageQuery: the bounded page fields every list shares', () => {
  it('C2: a list asked without paging gets page 1 and its own default size; the filters of the list stay its own', async () => {
    await expect(check(Workbench, {})).resolves.toEqual(Object.assign(new Workbench(), { page: 1, pageSize: 50 }));
    await expect(check(Portal, {})).resolves.toMatchObject({ page: 1, pageSize: 20 });
    const asked = await check(Workbench, { page: '3', pageSize: '7', unitId: 'unit-a' });
    expect(asked).toBeInstanceOf(Workbench);
    expect(asked).toEqual(Object.assign(new Workbench(), { page: 3, pageSize: 7, unitId: 'unit-a' }));
  });

  it('C1: the edges of each list are inside (page 1 and its last page, size 1 and its largest)', async () => {
    await expect(check(Workbench, { page: String(MAX_PAGE_NUMBER), pageSize: '100' })).resolves.toMatchObject({
      page: MAX_PAGE_NUMBER,
      pageSize: 100,
    });
    await expect(check(Portal, { page: '200', pageSize: '50' })).resolves.toMatchObject({ page: 200, pageSize: 50 });
    await expect(check(Portal, { page: '1', pageSize: '1' })).resolves.toMatchObject({ page: 1, pageSize: 1 });
  });

  it('C1: one past either edge, a fraction, a huge or a non-number is refused, naming the field in Chinese and English', async () => {
    await expect(check(Workbench, { page: String(MAX_PAGE_NUMBER + 1) })).resolves.toEqual({
      page: [`不得大于 ${MAX_PAGE_NUMBER} / page must not be greater than ${MAX_PAGE_NUMBER}`],
    });
    await expect(check(Workbench, { pageSize: '101' })).resolves.toEqual({
      pageSize: ['不得大于 100 / pageSize must not be greater than 100'],
    });
    await expect(check(Portal, { page: '201', pageSize: '51' })).resolves.toEqual({
      page: ['不得大于 200 / page must not be greater than 200'],
      pageSize: ['不得大于 50 / pageSize must not be greater than 50'],
    });
    await expect(check(Portal, { page: '0', pageSize: '-1' })).resolves.toEqual({
      page: ['不得小于 1 / page must not be less than 1'],
      pageSize: ['不得小于 1 / pageSize must not be less than 1'],
    });
    const odd = (await check(Workbench, { page: '1.5', pageSize: 'ten' })) as Problems;
    expect(odd.page).toContain('须为整数 / page must be an integer number');
    expect(odd.pageSize).toContain('须为整数 / pageSize must be an integer number');
    // The fuzz's page number that once reached PostgreSQL as an OFFSET: a 400 at the edge now.
    const huge = (await check(Workbench, { page: '1e308' })) as Problems;
    expect(Object.keys(huge)).toEqual(['page']);
    expect(huge.page.every((p) => /[\u4e00-\u9fff].* \/ page /.test(p))).toBe(true);
  });
});
