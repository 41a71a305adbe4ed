import type { MajorDecisionCatalogue } from './catalogue.types';

/**
 * Demo catalogue for a fictitious municipal civil-affairs bureau (某市民政局), shaped like seed 000 Annex 3.
 *
 * The seeds give the definition of "major" (第二条: wide social impact, highly technical, touching state, public
 * or major private interests; permit, penalty, coercive measure and inspection) and the leadership-meeting catch-all
 * (第三条); entries built only on those are `provenance: 'seed'`. Seed 000 omits its own list (附件4 "略"), so every
 * amount and the licence, closure and hearing entries are common practice in municipal catalogues, marked
 * `configurable-default`: an agency must confirm or replace them before going live.
 */
export const DEMO_CIVIL_AFFAIRS_CATALOGUE: MajorDecisionCatalogue = {
  agencyId: 'demo-civil-affairs-bureau',
  agencyName: '某市民政局（演示）',
  version: 1,
  effectiveFrom: '2024-01-01',
  adoptedBy: '某民发〔2023〕1号（演示）',
  reviewAllOutsideSimplifiedProcedure: false,
  entries: [
    {
      id: 'penalty-large-fine',
      categories: ['penalty'],
      title: '对公民处以5000元以上、对法人或者其他组织处以5万元以上罚款的',
      criteria: [{ kind: 'penalty-amount', measure: 'fine', minYuan: { person: 5_000, organisation: 50_000 } }],
      provenance: 'configurable-default',
    },
    {
      id: 'penalty-large-confiscation',
      categories: ['penalty'],
      title: '没收公民5000元以上、法人或者其他组织5万元以上违法所得或者非法财物的',
      criteria: [{ kind: 'penalty-amount', measure: 'confiscation', minYuan: { person: 5_000, organisation: 50_000 } }],
      provenance: 'configurable-default',
    },
    {
      id: 'penalty-revoke-registration',
      categories: ['penalty'],
      title: '撤销社会组织登记、吊销登记证书或者责令限期停止活动的',
      criteria: [{ kind: 'licence-action', actions: ['revocation', 'suspension'] }],
      provenance: 'configurable-default',
    },
    {
      id: 'penalty-closure',
      categories: ['penalty'],
      title: '责令养老机构、殡葬服务单位等停业整顿或者关闭的',
      criteria: [{ kind: 'closure-order' }],
      provenance: 'configurable-default',
    },
    {
      id: 'penalty-after-hearing',
      categories: ['penalty', 'permit'],
      title: '经过听证程序作出的行政处罚、行政许可决定',
      criteria: [{ kind: 'hearing-held' }],
      provenance: 'configurable-default',
    },
    {
      id: 'coercive-major-property',
      categories: ['coercive-measure'],
      title: '查封、扣押场所、设施或者财物，价值10万元以上的',
      criteria: [{ kind: 'coercive-measure-on-major-property', minValueYuan: 100_000 }],
      provenance: 'configurable-default',
    },
    {
      id: 'permit-revoke',
      categories: ['permit'],
      title: '撤销、撤回行政许可的',
      criteria: [{ kind: 'licence-action', actions: ['revocation'] }],
      provenance: 'configurable-default',
    },
    {
      id: 'wide-impact-or-complex',
      categories: ['permit', 'penalty', 'coercive-measure', 'inspection'],
      title: '社会涉及面广、专业性强，影响国家利益、公共利益或者行政相对人重大权益的',
      criteria: [{ kind: 'wide-social-impact' }, { kind: 'complex' }],
      provenance: 'seed',
    },
    {
      id: 'leadership-deems-major',
      categories: [
        'permit',
        'penalty',
        'coercive-measure',
        'inspection',
        'expropriation',
        'fee',
        'confirmation',
        'other',
      ],
      title: '局长办公会集体讨论决定认为有必要列入重大执法决定的其他情形',
      criteria: [{ kind: 'leadership-deems-major' }],
      provenance: 'seed',
    },
  ],
};
