import { idCheckCharacter } from '../checks/id-number.check';
import { luhnCheckDigit } from '../checks/luhn.check';
import { fromMarkup, type LabelledText } from './labelled-text';

/** A valid ID number for the cases below, built here so its check character is right by construction. */
function id(first17: string): string {
  return first17 + idCheckCharacter(first17);
}

const ID_A = id('43042119850312123');
const ID_B = id('11010519900101002');
const CARD = '621700192000123456' + luhnCheckDigit('621700192000123456');
const BAD_ID = ID_A.slice(0, 17) + (ID_A[17] === '1' ? '2' : '1');

/**
 * Hand-written cases: near-misses that must stay unreported, and the awkward shapes real texts take. Written
 * before the measurements, kept whatever the detector does with them; expected spans are marked «type|value».
 */
const CASES: Array<[string, string]> = [
  // Published by rule or only looking alike: nothing to find.
  ['uscc-letters', '统一社会信用代码：91430100MA4L0XNB3K，法定代表人：王建国。'],
  ['uscc-digits', '统一社会信用代码：124300004448851234（事业单位）。'],
  ['case-number', '湘衡罚〔2026〕12号；衡市监处罚〔2025〕430400202500001234号；（2026）湘0405行初12号。'],
  ['officer-certificates', '执法人员：刘志强（执法证号：43040012345）、陈丽（执法证号：43000020190001）。'],
  [
    'agency-account',
    '罚款缴至衡阳市财政局非税收入专户，开户银行：中国工商银行衡阳分行，账号：1904 0012 0900 0123 456。',
  ],
  ['amounts', '罚款人民币13800元，没收违法所得138000.00元，货值金额为4302231985元。'],
  ['decision-dates', '本机关于2026年3月12日作出决定，2026年3月15日送达，自2026-04-01起生效。'],
  ['bad-check-digit', `经核，编码${BAD_ID}与系统记录不符。`],
  ['bad-date-15', '序号430421851332123为无效编号。'],
  ['company-surnames', '当事人王府井百货股份有限公司衡阳分公司、张氏食品厂、李记粉店均已整改。'],
  [
    'licence-numbers',
    '食品经营许可证编号：JY14304050012345；药品经营许可证：湘AA7310001；投诉编号：13200002026031200123。',
  ],
  ['hotlines', '如有异议，可拨打12345、12315热线，或致电本局法规科（电话：0734-8123456）。'],
  ['agency-address', '本机关地址：衡阳市蒸湘区解放大道100号；邮政编码：421001。'],
  [
    'organisation-domicile',
    '当事人：衡阳市恒通商贸有限公司\n统一社会信用代码：91430400MA4L0XNB3K\n住所：衡阳市蒸湘区船山大道88号',
  ],
  ['business-premises', '经营场所：长沙市岳麓区麓山南路12号门面，负责人：赵强。'],
  ['party-name-not-reported', '当事人张建国于2025年在其经营场所销售过期食品，张建国对违法事实无异议。'],
  ['masked-names', '证人张某某、李*、王××证实上述情况，当事人欧阳某也承认。'],
  ['fully-masked', '身份证号码：******************，联系电话：***********。'],
  ['vin', '车架号：LSVAM4187C2184563，发动机号：CSS123456。'],
  ['sex-after-name', '当事人：晁一菊，女，汉族；当事人张三（女）对事实无异议。'],
  ['words-after-name-list', '证人«person-name|钱银»、«person-name|童英»和«person-name|孔明»陈述了事发经过。'],
  ['words-after-roles', '证人证言、委托代理人授权委托书、员工宿舍、学生家长会、消费者权益保护法均已附卷。'],
  // Awkward shapes of real personal data.
  ['full-width-id', '身份证号码：«id-number|４３０４２１１９８５０３１２１２３' + ID_A.slice(17) + '»。'],
  ['spaced-phone', '手机«phone|138 0013 8000»或«phone|138-0013-8000»，座机«phone|(0731)84561234转802»。'],
  ['plus86', '联系电话：«phone|+86 139 0731 5678»，«phone|+86-731-84561234»。'],
  ['masked-id', '证件号码：«id-number|430223********773X»。'],
  ['masked-phone', '联系电话：«phone|138****8000»。'],
  ['masked-card', '银行卡号：«bank-card|6222 **** **** 1234»。'],
  ['compound-surnames', '证人«person-name|欧阳小明»、«person-name|司马光华»和«person-name|上官婉»均证实。'],
  ['list-with-remarks', '证人«person-name|张三丰»（男，35岁）、«person-name|李四海»（女）、«person-name|王五»证实。'],
  ['trailing-role', '«person-name|陈立新»（证人）称，当日曾见到该车辆。'],
  ['relative', '当事人之父«person-name|刘国强»到场，«person-name|刘国强»表示愿意代为缴纳罚款。'],
  ['minor-guardian', '当事人系未成年人，其监护人«person-name|周敏»（系当事人之母）到场。'],
  ['expert', '鉴定人«person-name|诸葛明远»出具了鉴定意见。'],
  ['agent-lawyer', '委托代理人：«person-name|谭志勇»，湖南某某律师事务所律师。'],
  [
    'birth-after',
    '当事人：黄晓东，男，«birth-date|1985年3月12日»出生，汉族，住«address|衡阳市雁峰区先锋路12号3栋201室»。',
  ],
  ['birth-cue', '出生日期：«birth-date|１９９０年０１月０１日»；身份证号码：«id-number|' + ID_B + '»。'],
  [
    'home-address',
    '家庭住址：«address|湖南省衡阳县洪市镇联合村5组12号»，户籍地：«address|湖南省衡南县花桥镇石塘村3组»。',
  ],
  ['new-energy-plate', '扣押车辆«plate|湘D·F12345»、«plate|湘AD12345»、«plate|粤B12345D»和挂车«plate|湘D1234挂»。'],
  ['special-plates', '涉及«plate|使014578»号外交车辆及«plate|沪A1234领»号领事车辆。'],
  [
    'property-certificates',
    '不动产权证号：«property-certificate|湘(2023)长沙市不动产权第0123456号»；房产证号：«property-certificate|长房权证岳麓字第711012345号»。',
  ],
  ['bank-card', '退款汇入当事人银行卡（卡号：«bank-card|' + CARD.replace(/(\d{4})(?=\d)/g, '$1 ') + '»）。'],
  ['member-card', '会员卡号：6217001920001234560，积分清零。'],
  ['email', '当事人电子邮箱：«email|zhang.san@example.com»；本机关邮箱：fzk@hy.gov.cn。'],
  ['id-15', '身份证号：«id-number|430421850312123»。'],
  ['context-officers', '经办：刘志强、陈丽。证人«person-name|宋佳»在场。'],
];

export function trickyCases(): LabelledText[] {
  return CASES.map(([name, markup]) =>
    fromMarkup(
      `tricky-${name}`,
      'tricky',
      markup,
      name === 'context-officers' ? { officers: ['刘志强', '陈丽'] } : undefined,
    ),
  );
}

export { ID_A, ID_B, BAD_ID };
