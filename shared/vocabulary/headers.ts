// Column headers as people write them, and the meaning (role) each gives a column. Rules are tried in
// order on the normalised header text (shared/text.ts normalizeHeader); the first that matches names the role.
import { PARTY_BODY, VILLAGERS_BODY } from './bodies.ts';

export type ColumnRole =
  | 'seq'
  | 'township'
  | 'village'
  | 'name'
  | 'gender'
  | 'idNumber'
  | 'post'
  | 'chairFlag'
  | 'representative'
  | 'group'
  | 'remark'
  | 'committeeMembers'
  | 'committeeWomen'
  | 'partyMembers'
  | 'partyWomen'
  | 'villagersMembers'
  | 'villagersWomen'
  | 'crossHolders'
  | 'chairSeated'
  | 'repTotal'
  | 'repWomen'
  | 'ratio'
  | 'ownVerdict'
  | 'education'
  | 'birthDate'
  | 'age'
  | 'elected'
  | 'memberCells'
  | 'chairName'
  | 'repSentence'
  | 'seatMark';

export const ROLE_LABELS: Record<ColumnRole, string> = {
  seq: '序号',
  township: '乡镇',
  village: '村（社区）',
  name: '姓名',
  gender: '性别',
  idNumber: '身份证号',
  post: '职务',
  chairFlag: '是否妇联主席',
  representative: '是否村民代表',
  group: '村民小组',
  remark: '备注',
  committeeMembers: '两委成员数',
  committeeWomen: '两委女性成员数',
  partyMembers: '党组织委员数',
  partyWomen: '党组织女性委员数',
  villagersMembers: '村（居）委会委员数',
  villagersWomen: '村（居）委会女性委员数',
  crossHolders: '交叉任职人数',
  chairSeated: '妇联主席是否进两委',
  repTotal: '村民代表数',
  repWomen: '女性村民代表数',
  ratio: '占比',
  ownVerdict: '乡镇自报是否达标',
  education: '学历',
  birthDate: '出生年月',
  age: '年龄',
  elected: '是否当选',
  memberCells: '成员（写在单元格内）',
  chairName: '妇联主席姓名',
  repSentence: '村民代表人数（文字）',
  seatMark: '任职标记（一列一个职位）',
};

/**
 * Header rules, tried in order on the normalised header text; the first that matches names the role.
 * Order matters: "是否村民代表" must be seen before "村民代表数", "妇联主席是否进两委" before "是否达标".
 */
export const HEADER_RULES: ReadonlyArray<{ role: ColumnRole; test: (h: string) => boolean }> = [
  { role: 'seq', test: (h) => /^(序号|编号|序|no|NO|No|排序)$/.test(h) },
  { role: 'idNumber', test: (h) => /身份证|公民身份|证件号/.test(h) },
  // A name of an officer in a count table ("妇联主席姓名", "书记姓名") is no column of persons.
  // So is a list of names in one cell of a count table ("女性成员姓名", "女委员姓名").
  { role: 'remark', test: (h) => /(妇联主席|妇代会主任|妇女主任|书记|主任|联系人|填表人)(的)?姓名|女性?(成员|委员|干部|代表)?(的)?姓名/.test(h) },
  { role: 'chairSeated', test: (h) => /(妇联主席|妇代会主任|妇女主任|妇联主任)/.test(h) && /(进|两委|班子|交叉|兼任|任职)/.test(h) },
  { role: 'chairFlag', test: (h) => /^(是否为?|是否担任)?(村|社区)?(妇联主席|妇代会主任|妇女主任|妇联主任)$/.test(h) },
  { role: 'ownVerdict', test: (h) => /达标|符合要求|是否符合|完成情况|是否完成|是否达到|两进一有/.test(h) },
  { role: 'ratio', test: (h) => /占比|比例|比重|百分比|%/.test(h) },
  { role: 'representative', test: (h) => /代表/.test(h) && /是否|身份|为/.test(h) && !/数|女/.test(h) },
  { role: 'repWomen', test: (h) => /代表/.test(h) && /女/.test(h) },
  { role: 'repTotal', test: (h) => /代表/.test(h) && /(总|数|人数|合计|人)/.test(h) && !/姓名/.test(h) },
  // A count table that counts each committee on its own (and the members on both, 交叉任职).
  { role: 'crossHolders', test: (h) => /交叉任职|交叉/.test(h) && /(数|人数|人)$/.test(h) && !/妇联|妇代会|妇女/.test(h) },
  { role: 'partyWomen', test: (h) => PARTY_BODY.test(h) && !/两委/.test(h) && /女/.test(h) && !/姓名|后备/.test(h) },
  { role: 'partyMembers', test: (h) => PARTY_BODY.test(h) && !/两委/.test(h) && /(总数|人数|数|人)$/.test(h) && !/姓名|后备|书记/.test(h) },
  { role: 'villagersWomen', test: (h) => VILLAGERS_BODY.test(h) && !/两委/.test(h) && /女/.test(h) && !/姓名|后备/.test(h) },
  { role: 'villagersMembers', test: (h) => VILLAGERS_BODY.test(h) && !/两委/.test(h) && /(总数|人数|数|人)$/.test(h) && !/姓名|后备|主任/.test(h) },
  { role: 'committeeWomen', test: (h) => /(两委|班子|成员|委员|干部)/.test(h) && /女/.test(h) && !/姓名|后备/.test(h) },
  { role: 'committeeMembers', test: (h) => /(两委|班子|成员|干部)/.test(h) && /(总数|人数|数|合计|成员)人?$/.test(h) && !/姓名|后备|监督|监委|^是否/.test(h) },
  // Election results: whether a candidate was elected (当选 / 未当选 / 落选); only the elected hold a seat.
  { role: 'elected', test: (h) => /^(选举结果|是否当选|当选情况|当选结果|当选与否|结果)$/.test(h) },
  { role: 'name', test: (h) => /姓名|^名字$|^人员$|^成员$|^当选人员?$|^候选人$/.test(h) },
  { role: 'gender', test: (h) => /性[别別]/.test(h) },
  // A person's details for the work plan's wider aim (age and education of the women on the committees).
  { role: 'education', test: (h) => /^(最高|全日制|在职)?(学历|文化程度|文化)(学位)?$|^学历(学位|层次)$/.test(h) },
  { role: 'birthDate', test: (h) => /^出生(年月|日期|年月日|时间)?$|^生日$/.test(h) },
  { role: 'age', test: (h) => /^(年龄|年纪|周岁)岁?$/.test(h) },
  // A former post ("原职务", "上届职务") says nothing of the new committees: read as a remark.
  { role: 'remark', test: (h) => /^(原|前任|曾任|历任|上届|换届前|届前)/.test(h) && /职务|职位|任职|岗位|担任/.test(h) },
  // "是否新当选", "是否连任": a yes/no about the post, not the post.
  { role: 'post', test: (h) => /职务|职位|任职|岗位|担任|当选|现任|拟任|^(人员)?(类别|类型|身份)$/.test(h) && !/时间|日期|年月|年限|届|^是否/.test(h) },
  { role: 'group', test: (h) => /村民小组|所在组|^组别$|^小组$|^组$/.test(h) },
  // Headers made only of township words: 乡镇, 镇街道, 乡镇（街道）, 所属乡镇名称 …
  { role: 'township', test: (h) => /^[所属在乡镇街道办事处名称]+$/.test(h) && /乡|镇|街道/.test(h) },
  {
    role: 'village',
    test: (h) =>
      /^(所属|所在)?(行政|建制)?(村|社区|村社区|社区村|村居|村社|村名|村别|村委会|村居委会|居委会|社区居委会|村民委员会|村社区委员会|村级组织|嘎查|嘎查村|单位)(名称|名)?$/.test(h) ||
      /^村(社区|居)?名称?$/.test(h),
  },
  { role: 'remark', test: (h) => /备注|说明|其他/.test(h) },
  // A lone "村民代表" header (or "村民代表（打√）"): its values decide (yes/no → representative, numbers → repTotal).
  { role: 'representative', test: (h) => /^(村民代表|居民代表|代表)(请?(打|画|划)(勾|钩|对号)?)?$/.test(h) },
];

/** "其中女性" with no group cell above: the women among the count just left of it. */
export const WOMEN_OF: Partial<Record<ColumnRole, ColumnRole>> = {
  committeeMembers: 'committeeWomen',
  repTotal: 'repWomen',
  partyMembers: 'partyWomen',
  villagersMembers: 'villagersWomen',
};
export const WOMEN_AMONG = /^(其中)?(女|女性)(人数|数|成员|成员数|人|干部|干部数|委员)?$/;

/** Values of an ID column: 15 to 18 digits (X last), or a number Excel shows as 1.2E+17. */
export const ID_LIKE = /^[0-9０-９]{14,17}[0-9Xx０-９ｘＸ]$|^\d(\.\d+)?[eE]\+?1[4-7]$/;

/**
 * Headers of columns that say nothing of who counts: a person's particulars, dates, contacts, codes, and a
 * township's own partial verdicts. A table is read without them and stays a familiar layout; any other
 * header the rules above do not know makes its reading provisional (待核对).
 */
export const IGNORED_HEADERS =
  /出生|生日|年龄|年纪|民族|政治面貌|党员|入党|文化|学历|学位|毕业|专业|籍贯|户籍|住址|地址|电话|手机|联系方式|工作单位|单位名称|健康|宗教|婚姻|照片|任职时间|任职年限|任职日期|届次|连任|新当选|新任|退役军人|致富带头人|大学生|后备干部|监督委员会|推荐单位|审核意见|审批|区划代码|代码|编码|是否有女性|三分之一|占比|比例/;
