/**
 * Texts of the body-camera page's loss report and its coverage panel (SPEC R11; 000 三(二)3(1) 每5名执法人员至少配备
 * 一台执法记录仪), Chinese first, English the same shape.
 */
export const deviceExtrasZh = {
  deviceLoss: {
    open: '报告丢失或损坏',
    title: '领用中丢失或损坏',
    intro: '设备无法完好交回时在此报告，代替交回：丢失的设备随即停用，损坏的设备交回后须经核查修复方可再用。',
    kind: '情形',
    kinds: { lost: '丢失', damaged: '损坏' },
    occurredAt: '发生时间',
    reason: '经过和原因',
    exportException: '无法当日导出音像的原因（仅损坏）',
    noException: '无，当日导出',
    exceptions: { 'continuous-work': '连续执法工作', 'off-site': '异地执法' },
    submit: '提交报告',
    cancel: '取消',
    /** A report closes the return limit as a return would: in time, or after the expected return. */
    reportStates: { returned: '按时报告', 'returned-late': '逾期后报告' },
  },
  deviceCoverage: {
    title: '执法记录仪配备情况',
    intro: '每5名执法人员至少配备一台执法记录仪（按单位计，报废、停用或丢失的不计）。',
    unit: '单位',
    officers: '执法人员',
    bodyCameras: '在用执法记录仪',
    required: '至少应配',
    shortfall: '缺口',
    enough: '已达标',
    short: '缺 {n} 台',
    empty: '暂无单位数据',
  },
};

type DeviceExtrasMessages = typeof deviceExtrasZh;

export const deviceExtrasEn: DeviceExtrasMessages = {
  deviceLoss: {
    open: 'Report lost or damaged',
    title: 'Lost or damaged while out',
    intro:
      'When the device cannot come back whole, report it here instead of a return: a lost device leaves service at once, a damaged one is handed in and stays out of use until a check finds it fixed.',
    kind: 'What happened',
    kinds: { lost: 'Lost', damaged: 'Damaged' },
    occurredAt: 'When it happened',
    reason: 'How and why',
    exportException: 'Why the footage cannot be exported today (damaged only)',
    noException: 'None: exported today',
    exceptions: { 'continuous-work': 'Continuous enforcement work', 'off-site': 'Enforcement away from the office' },
    submit: 'Submit the report',
    cancel: 'Cancel',
    reportStates: { returned: 'Reported in time', 'returned-late': 'Reported after the expected return' },
  },
  deviceCoverage: {
    title: 'Body cameras per unit',
    intro:
      'Every unit needs at least one body camera per 5 enforcement officers (retired, decommissioned or lost devices do not count).',
    unit: 'Unit',
    officers: 'Officers',
    bodyCameras: 'Body cameras in service',
    required: 'Required',
    shortfall: 'Shortfall',
    enough: 'Enough',
    short: '{n} short',
    empty: 'No units to show',
  },
};
