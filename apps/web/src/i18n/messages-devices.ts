/** Texts of the body-camera page's loss report (SPEC R11), Chinese first, English the same shape. */
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
};
