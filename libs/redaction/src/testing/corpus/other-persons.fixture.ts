import type { LabelledTextBuilder } from '../labelled-text';
import { plate } from './personal-values.fixture';
import { writeId, writeMobile, type Cast, type Person } from './cast.fixture';
import type { SeededRandom } from './seeded-random';
import { formatPlate } from './value-format.fixture';

const LAW_FIRMS = ['湖南湘衡律师事务所', '湖南天地人律师事务所', '江西正源律师事务所', '广东明理律师事务所'];
const RELATIONS = ['父亲', '母亲', '妻子', '丈夫', '儿子', '女儿'];
const SHORT_RELATION: Record<string, string> = {
  父亲: '父',
  母亲: '母',
  妻子: '妻',
  丈夫: '夫',
  儿子: '子',
  女儿: '女',
};

/**
 * Sentences naming people other than the party, in the ways decisions mention them: role before the name, role
 * in brackets after it, 、-lists, family relations, employees, with their contacts sometimes attached. Every
 * unmasked name and each later mention of it is labelled; names masked by hand are not.
 */
export function writeOtherPersons(b: LabelledTextBuilder, r: SeededRandom, cast: Cast, count: number): void {
  const writers = [
    witnesses,
    witnessInBrackets,
    witnessWithRemark,
    colonList,
    agent,
    relative,
    expert,
    employees,
    complainant,
    manager,
    maskedWitness,
    driver,
    coOwner,
  ];
  for (let i = 0; i < count; i++) r.pick(writers)(b, r, cast);
}

function name(b: LabelledTextBuilder, n: string): LabelledTextBuilder {
  return b.pii('person-name', n);
}

function witnesses(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  const names = Array.from({ length: r.int(1, 3) }, () => cast.name());
  b.t(r.pick(['经询问，证人', '证人', '另查明，证人', '执法人员询问了证人']));
  names.forEach((n, i) => {
    if (i > 0) b.t(i === names.length - 1 && r.chance(0.3) ? '和' : '、');
    name(b, n);
  });
  b.t(
    r.pick([
      '证实，当事人于案发当日在现场。',
      '均称其曾在该店购买过涉案商品。',
      '的证言与现场检查笔录相互印证。',
      '陈述了事发经过。',
    ]),
  );
  if (r.chance(0.4))
    name(b, names[0])
      .t(r.pick(['还称，', '另称，', '同时证实，']))
      .t('当事人未悬挂许可证件。');
  b.t('\n');
}

function witnessInBrackets(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  const n = cast.name();
  b.t('据');
  name(b, n).t(r.pick(['（证人）', '（举报人）', '（证人）']));
  b.t('陈述，其于当日');
  if (r.chance(0.5)) {
    b.t('驾驶');
    b.pii('plate', formatPlate(r, plate(r, cast.agency.region.short)));
    b.t('号车辆');
  }
  b.t('途经该处。\n');
}

function agent(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  const n = cast.name();
  b.t(r.pick(['委托代理人：', '委托代理人', '代理人：']));
  name(b, n);
  if (r.chance(0.6)) b.t(`，${r.pick(LAW_FIRMS)}律师`);
  else b.t(`，系当事人${r.pick(['之子', '的员工', '之妻', '的朋友'])}`);
  if (r.chance(0.5)) {
    b.t('，联系电话：');
    writeMobile(b, r, cast.person().mobile);
  }
  b.t('。\n');
}

function relative(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  const p: Person = cast.person();
  const relation = r.pick(RELATIONS);
  if (r.chance(0.5)) {
    b.t(`当事人${r.pick(['之', '的'])}${relation}`);
    name(b, p.name);
  } else {
    name(b, p.name);
    b.t(`（系当事人之${SHORT_RELATION[relation]}）`);
  }
  b.t('到场');
  if (r.chance(0.5)) {
    b.t('，身份证号码：');
    writeId(b, r, p.id);
    b.t('，住址：').pii('address', p.home);
  }
  b.t('。\n');
}

function expert(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  b.t(r.pick(['经委托检测机构检测，鉴定人', '鉴定人', '经鉴定，鉴定人']));
  name(b, cast.name());
  if (r.chance(0.4)) b.t('、').pii('person-name', cast.name());
  b.t(r.pick(['出具《检验报告》，结论为不合格。', '出具鉴定意见，认定涉案物品为假冒产品。']));
  b.t('\n');
}

function employees(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  const role = r.pick(['店员', '员工', '收银员', '从业人员', '厨师']);
  b.t(`现场检查时，当事人${role}`);
  name(b, cast.name());
  b.t(r.pick(['在场并签字确认。', '正在操作，未持有健康证明。', '称老板外出。']));
  b.t('\n');
}

function complainant(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  const p = cast.person();
  b.t(`${r.pick(['举报人', '投诉人'])}`);
  name(b, p.name);
  b.t(`（联系电话：`);
  writeMobile(b, r, p.mobile);
  b.t(`）反映，${r.pick(['其在该店购买的食品已过期', '该单位夜间施工噪声扰民', '该车辆长期占用消防通道'])}。\n`);
}

function manager(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  b.t(r.pick(['现场负责人', '陪同人员：', '在场人']));
  name(b, cast.name());
  b.t(r.pick(['对检查情况无异议。', '在现场检查笔录上签字。', '（店长）在场。']));
  b.t('\n');
}

function maskedWitness(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  b.t(
    `${r.pick(['证人', '员工', '监护人', '其雇员'])}${cast.masked()}${r.pick(['证实', '称', '到场', '在场'])}上述情况属实。\n`,
  );
}

function driver(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  const p = cast.person(1960, 2000);
  b.t(r.pick(['驾驶人', '驾驶员', '司机']));
  name(b, p.name);
  b.t('（驾驶证号：');
  writeId(b, r, p.id);
  b.t('）驾驶');
  b.pii('plate', formatPlate(r, plate(r, cast.agency.region.short)));
  b.t(r.pick(['号重型半挂牵引车', '号小型轿车', '号货车', '']));
  b.t('行驶至检查站时被查获。\n');
}

function coOwner(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  b.t('该房屋');
  b.t(r.pick(['共有人', '承租人', '实际使用人']));
  b.t(r.pick(['为', '：', '']));
  name(b, cast.name());
  b.t('。\n');
}

function witnessWithRemark(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  const p = cast.person(1950, 2012);
  const minor = p.birth.year > 2008;
  b.t(minor ? r.pick(['证人（未成年人）', '未成年人']) : r.pick(['经询问，', '另查明，', '']));
  name(b, p.name);
  b.t(minor ? '（' : r.pick(['（证人，', '（证人，住', '（证人；']));
  if (!minor && r.chance(0.5)) {
    b.pii('address', p.home);
    b.t('，');
  }
  b.t('联系电话：');
  writeMobile(b, r, p.mobile);
  b.t(r.pick(['）称，', '）证实，', '）陈述，']));
  b.t('当事人在该处经营已有两年。\n');
}

function colonList(b: LabelledTextBuilder, r: SeededRandom, cast: Cast): void {
  b.t(r.pick(['证人：', '在场人员：', '被询问人：']));
  const n = r.int(2, 3);
  for (let i = 0; i < n; i++) {
    if (i > 0) b.t(r.pick(['、', '，', '、']));
    name(b, cast.name());
  }
  b.t('。\n');
}
