import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderHandout } from './handout'

const file = join(__dirname, '../../../docs/trainer-handout.html')

describe('trainer handout', () => {
  it('docs/trainer-handout.html is rendered from the trainer mode’s text (UPDATE_HANDOUT=1 rewrites it)', () => {
    const html = renderHandout()
    expect(html).toContain('公开时限')
    expect(html).toContain('第二十六条')
    expect(html).not.toMatch(/<script|https?:\/\//)
    if (process.env.UPDATE_HANDOUT === '1') writeFileSync(file, html)
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(html)
  })
})
