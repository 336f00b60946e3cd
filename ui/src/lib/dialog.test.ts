import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { submitOnce } from './dialog'

describe('submitOnce', () => {
  it('runs once at a time and reports success', async () => {
    const busy = ref(false)
    const error = ref('旧的提示')
    let calls = 0
    let release: () => void = () => {}
    const first = submitOnce(busy, error, () => new Promise<void>((r) => { calls += 1; release = r }))
    expect(busy.value).toBe(true)
    expect(error.value).toBe('')
    expect(await submitOnce(busy, error, async () => { calls += 1 })).toBe(false)
    release()
    expect(await first).toBe(true)
    expect(calls).toBe(1)
    expect(busy.value).toBe(false)
  })

  it('keeps the failure in the dialog', async () => {
    const busy = ref(false)
    const error = ref('')
    expect(await submitOnce(busy, error, async () => { throw '数据库已锁定，请稍后再试。' })).toBe(false)
    expect(error.value).toBe('数据库已锁定，请稍后再试。')
    expect(busy.value).toBe(false)
  })
})
