// Places named in free text: townships in titles and letterheads, villages in section rows.

import { describe, expect, it } from 'vitest';
import { isPlaceholderPlace, townshipFromText, villageFromSectionLabel } from '../../shared/places.ts';

describe('townshipFromText', () => {
  it.each([
    ['青山镇2026年村“两委”换届女性进班子情况统计表', '青山镇'],
    ['2026年青山镇', '青山镇'],
    ['XX县白沙镇人民政府', '白沙镇'],
    ['枫林镇村“两委”', '枫林镇'],
    ['石门街道统计表', '石门街道'],
    ['关于报送桃花乡村“两委”换届选举结果的报告（附表）', '桃花乡'],
    ['中共青峦镇委员会组织办公室', '青峦镇'],
    ['中国共产党云溪乡委员会', '云溪乡'],
    // Townships whose own name holds 村, when nothing else is named.
    ['梅村街道2026年社区“两委”换届当选人员名单', '梅村街道'],
    ['新村乡换届名单', '新村乡'],
    ['XX县三村镇', '三村镇'],
  ])('%s → %s', (text, township) => {
    expect(townshipFromText(text)).toBe(township);
  });

  it.each(['上塘村乡村振兴', '各乡镇', '关于做好全县各乡镇村两委换届', '村两委换届名单'])('%s names no township', (text) => {
    expect(townshipFromText(text)).toBeNull();
  });
});

describe('villageFromSectionLabel', () => {
  it.each([
    ['一、张家湾（24人）', '张家湾'],
    ['张家湾：', '张家湾'],
    ['(二)大坪 共15人', '大坪'],
    ['2. 大坪', '大坪'],
  ])('%s → %s', (text, village) => {
    expect(villageFromSectionLabel(text)).toBe(village);
  });

  it.each(['十里铺', '一、两委班子', '合计：', '说明：', '审核：', '青山镇：', '一、', '填表人：李四'])('%s is no section naming a village', (text) => {
    expect(villageFromSectionLabel(text)).toBeNull();
  });
});

describe('isPlaceholderPlace', () => {
  it.each(['某某村', '某村', 'XX村', '××社区', '示例村', 'xx镇'])('%s is a form’s example', (t) => expect(isPlaceholderPlace(t)).toBe(true));
  it.each(['青山村', '某家湾村', '十里铺', '西关社区'])('%s is a real name', (t) => expect(isPlaceholderPlace(t)).toBe(false));
});
