/** Texts of the personal inbox, 我的待办 (SPEC C2), Chinese first, English the same shape. */
export const inboxZh = {
  inbox: {
    kind: '事项',
    allKinds: '全部事项',
    subject: '办理对象',
    detail: '说明',
    unit: '承办机构',
    deadline: '期限',
    open: '去办理',
    subjects: {
      case: '案件',
      decision: '决定书',
      objection: '更正申请',
      device: '执法记录仪',
      'ex-ante-item': '事前公开事项',
      'annual-report': '年度报告',
    },
    caseOf: '案件 {caseNo}',
    assignedBy: {
      person: '由您经办',
      role: '本岗位职责',
    },
    reviewStep: '{step} · {status}',
    round: '第 {n} 轮',
  },
};

export const inboxEn: typeof inboxZh = {
  inbox: {
    kind: 'Task',
    allKinds: 'All tasks',
    subject: 'Subject',
    detail: 'Details',
    unit: 'Unit',
    deadline: 'Deadline',
    open: 'Open',
    subjects: {
      case: 'Case',
      decision: 'Decision',
      objection: 'Objection',
      device: 'Body camera',
      'ex-ante-item': 'Ex-ante item',
      'annual-report': 'Annual report',
    },
    caseOf: 'case {caseNo}',
    assignedBy: {
      person: 'yours: you handled it',
      role: 'your post’s duty',
    },
    reviewStep: '{step} · {status}',
    round: 'round {n}',
  },
};
