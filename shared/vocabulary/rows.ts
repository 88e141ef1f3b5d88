// Rows that are no data: footers, totals, notes of a person who has left, and the words of a section row.

/** A footer line: who filled the form, when, notes. */
export const FOOTER = /^(填表人|填报人|制表人|审核人|审核|负责人|联系人|联系电话|电话|填报日期|填表日期|报送日期|统计时间|日期|注|备注|说明|附注|领导签字|签字|盖章|单位负责人)[:：\s]?/u;
/** 小计 / 合计 / 总计 and their kin, at either end of a cell. */
export const TOTAL = /^(合计|小计|总计|共计|总数|累计|全镇|全乡|全街道|汇总)|(合计|小计|总计|汇总)$/u;
/** A cheap first test of a cell before TOTAL: one of the characters every total word has. */
export const TOTAL_HINT = /[计总全汇]/u;
/** A remark that the person has left. */
export const DEPARTED = /已?调离|调出|辞职|离职|免职|罢免|去世|死亡|病故|已故|迁出|不再担任|已退出|退出/u;
/** A section row's label before the village it names ("村名：白石村"), and a note after it ("（24人）"). */
export const SECTION_LABEL_PREFIX = /^(村名|村名称|村|单位|村社区)[:：]/u;
export const SECTION_LABEL_NOTE = /[(（][^)）]*[)）]$/u;
/** Header words no value holds: a cheap first look for a second table's header further down. */
export const HEADER_HINT = /姓\s*名|性\s*别|身份证|成员数|代表数/u;
/** A sheet of instructions for whoever fills the form ("填表说明", "说明", "注意事项"): never a table of villages. */
export const NOTES_SHEET = /^(填表|填报|使用|编制|指标|字段)?(说明|须知)$|^注意事项$|^备注$|^示例$|^填写示例$|^填表示例$/u;
