import { describe, expect, it } from 'vitest'
import { loadLaunchFile, pendingLaunch, takeLaunchFile } from './launch'

describe('launch file (打开方式)', () => {
  it('is taken once', async () => {
    expect(await loadLaunchFile(async () => '/tmp/某某镇.xlsx')).toBe('/tmp/某某镇.xlsx')
    expect(pendingLaunch.value).toBe('/tmp/某某镇.xlsx')
    expect(takeLaunchFile()).toBe('/tmp/某某镇.xlsx')
    expect(takeLaunchFile()).toBeNull()
  })

  it('no file, or no command: nothing pending', async () => {
    expect(await loadLaunchFile(async () => null)).toBeNull()
    expect(await loadLaunchFile(async () => { throw new Error('unknown command') })).toBeNull()
    expect(takeLaunchFile()).toBeNull()
  })
})
