import { describe, it, expect } from 'vitest'
import type { GuidelineItem, Item } from '../bindings/core'
import {
  GROUND_SCOPE, WITHHOLD_GROUNDS, adoptedGuidelineIds, domainOfItemId, groundLabel, guidelineItemName,
  markableGuidelineItems, newWithheld, notApplicableProblem, withheldProblem,
} from './withheld'

const g = (id: string, l1: string, l2: string): GuidelineItem => ({
  id, l1, l2, elements: [], basis: [], time_limit: null, subject: null, carriers: [], audience: [], audience_group: null,
  mode: [], level: [], source: 's', note: null,
})
const adopted = (gid: string) => ({ provenance: { kind: '标准指引', guideline_item_id: gid, data_version: 'v1', modified: false } }) as Pick<Item, 'provenance'>
const local = { provenance: { kind: '本级特色事项' } } as Pick<Item, 'provenance'>

describe('ground labels', () => {
  it('lists the three articles in order, each with its scope from R603', () => {
    expect(WITHHOLD_GROUNDS).toEqual(['条例第十四条', '条例第十五条', '条例第十六条'])
    expect(groundLabel('条例第十五条')).toBe('条例第十五条（商业秘密、个人隐私）')
    expect(groundLabel('条例第十六条')).toContain('行政执法案卷信息')
    for (const k of WITHHOLD_GROUNDS) expect(GROUND_SCOPE[k]).not.toBe('')
  })
  it('says when no ground is chosen', () => {
    expect(groundLabel(null)).toContain('未选择')
  })
})

describe('checks before saving', () => {
  it('needs a name for a 不予公开事项', () => {
    expect(withheldProblem(newWithheld(1, '社会救助'))).toContain('名称')
    expect(withheldProblem({ name: '  ' })).not.toBe('')
    expect(withheldProblem({ name: '执法案卷' })).toBe('')
  })
  it('needs an item and a reason for 不涉及', () => {
    expect(notApplicableProblem({ guideline_item_id: '', reason: '无' })).toContain('选择')
    expect(notApplicableProblem({ guideline_item_id: '05.012', reason: ' ' })).toContain('理由')
    expect(notApplicableProblem({ guideline_item_id: '05.012', reason: '本镇无此项职能' })).toBe('')
  })
})

describe('guideline items that can be marked 不涉及', () => {
  const list = [g('05.001', '综合业务', '政策法规文件'), g('05.002', '综合业务', '监督检查'), g('05.012', '临时救助', '审核审批信息')]
  it('leaves out adopted items and items already marked', () => {
    expect([...adoptedGuidelineIds([adopted('05.001'), local])]).toEqual(['05.001'])
    const left = markableGuidelineItems(list, [adopted('05.001'), local], [{ guideline_item_id: '05.012' }])
    expect(left.map((x) => x.id)).toEqual(['05.002'])
  })
  it('keeps the record being edited', () => {
    const left = markableGuidelineItems(list, [], [{ guideline_item_id: '05.012' }], '05.012')
    expect(left.map((x) => x.id)).toEqual(['05.001', '05.002', '05.012'])
  })
  it('names items and finds their domain by number', () => {
    expect(guidelineItemName(list[2]!)).toBe('临时救助 / 审核审批信息')
    expect(guidelineItemName(g('x', '', '独生子女父母奖励'))).toBe('独生子女父母奖励')
    const domains = [{ name: '社会救助', number: 5 }, { name: '养老服务', number: 26 }]
    expect(domainOfItemId('05.012', domains)).toBe('社会救助')
    expect(domainOfItemId('26.001', domains)).toBe('养老服务')
    expect(domainOfItemId('99.001', domains)).toBeNull()
    expect(domainOfItemId('abc', domains)).toBeNull()
  })
})
