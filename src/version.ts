// Kept in step with package.json by a unit test.
export const TOOL_NAME = 'tf-multiarch-check'
export const VERSION = '1.0.0'
