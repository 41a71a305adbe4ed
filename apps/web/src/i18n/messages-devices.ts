/**
 * Texts of the body-camera page's loss report, its coverage panel and its hearing/interview rooms (SPEC R11; 000
 * 三(二)3(1) 每5名执法人员至少配备一台执法记录仪, 每个单位必须配备一间带有视频监控录音录像功能的听证询问室), Chinese
 * first, English the same shape.
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
    title: '音像记录设备配备情况',
    intro:
      '每5名执法人员至少配备一台执法记录仪（按单位计，报废、停用或丢失的不计）；每个单位须有一间在用的、带视频监控录音录像功能的听证询问室。',
    unit: '单位',
    officers: '执法人员',
    bodyCameras: '在用执法记录仪',
    required: '至少应配',
    shortfall: '缺口',
    enough: '已达标',
    short: '缺 {n} 台',
    empty: '暂无单位数据',
    avRooms: '在用录音录像询问室',
    roomShortfall: '听证询问室',
    noRoom: '缺录音录像询问室',
  },
  hearingRooms: {
    title: '听证询问室',
    intro:
      '登记各单位的听证询问室及其是否具备视频监控录音录像功能；停用须写明原因，每次变更均留有记录。在具备录音录像功能的询问室制作的询问笔录、听证笔录须有覆盖全过程的音像记录（或无法录制的原因）。',
    name: '名称',
    unit: '单位',
    av: '录音录像',
    hasAv: '具备',
    noAv: '不具备',
    state: '状态',
    inService: '在用',
    outOfService: '停用：{reason}',
    changed: '最近变更',
    register: '登记询问室',
    registered: '已登记 {name}',
    actions: '操作',
    takeOut: '停用',
    putBack: '恢复使用',
    fitAv: '已装录音录像',
    removeAv: '已拆除录音录像',
    reason: '停用原因',
    empty: '暂无登记的听证询问室',
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
    title: 'AV equipment per unit',
    intro:
      'Every unit needs at least one body camera per 5 enforcement officers (retired, decommissioned or lost devices do not count), and one hearing/interview room in service that records sound and picture.',
    unit: 'Unit',
    officers: 'Officers',
    bodyCameras: 'Body cameras in service',
    required: 'Required',
    shortfall: 'Shortfall',
    enough: 'Enough',
    short: '{n} short',
    empty: 'No units to show',
    avRooms: 'AV rooms in service',
    roomShortfall: 'Hearing room',
    noRoom: 'No AV room',
  },
  hearingRooms: {
    title: 'Hearing and interview rooms',
    intro:
      'Each unit’s hearing/interview rooms and whether they record sound and picture; taking one out of service needs the reason, and every change is kept. An inquiry or hearing transcript taken in a room with AV needs AV of the whole of it (or why none could be made).',
    name: 'Name',
    unit: 'Unit',
    av: 'Sound and picture',
    hasAv: 'Recorded',
    noAv: 'Not recorded',
    state: 'State',
    inService: 'In service',
    outOfService: 'Out of service: {reason}',
    changed: 'Last change',
    register: 'Register a room',
    registered: '{name} registered',
    actions: 'Actions',
    takeOut: 'Take out of service',
    putBack: 'Back in service',
    fitAv: 'AV fitted',
    removeAv: 'AV removed',
    reason: 'Why out of service',
    empty: 'No room registered yet',
  },
};
