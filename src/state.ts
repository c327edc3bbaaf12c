import * as core from '@actions/core'

// Everything the post step needs, under named keys. Never a token.
const KEYS = { isPost: 'isPost', runId: 'run-id' } as const

export const isPost = (): boolean => core.getState(KEYS.isPost) === 'true'
export const markMainStarted = (): void => core.saveState(KEYS.isPost, 'true')
export const saveRunId = (id: string): void => core.saveState(KEYS.runId, id)
export const getRunId = (): string => core.getState(KEYS.runId)
