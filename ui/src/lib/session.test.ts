import { describe, it, expect } from 'vitest'
import { lastCatalogKey, parseCatalogId } from './session'

describe('last catalog', () => {
  it('is remembered per database file', () => {
    expect(lastCatalogKey('/tmp/a.db')).toBe('mulu.lastCatalog:/tmp/a.db')
    expect(lastCatalogKey('/tmp/a.db')).not.toBe(lastCatalogKey('/tmp/b.db'))
    expect(lastCatalogKey(null)).toBe('mulu.lastCatalog')
  })
  it('accepts only a positive integer id', () => {
    expect(parseCatalogId('12')).toBe(12)
    expect(parseCatalogId(null)).toBeNull()
    expect(parseCatalogId('')).toBeNull()
    expect(parseCatalogId('0')).toBeNull()
    expect(parseCatalogId('-3')).toBeNull()
    expect(parseCatalogId('1.5')).toBeNull()
    expect(parseCatalogId('abc')).toBeNull()
    expect(parseCatalogId('99999999999999999999')).toBeNull()
  })
})
