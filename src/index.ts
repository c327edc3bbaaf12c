import { run } from './main.js'
import { post } from './post.js'
import { isPost, markMainStarted } from './state.js'

// The action's only entry: main on the first call, post on the second.
if (isPost()) {
  await post()
} else {
  markMainStarted()
  await run()
}
