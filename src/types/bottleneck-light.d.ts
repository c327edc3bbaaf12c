// bottleneck ships types for its full build only; its light build (no Redis clustering, the one
// the throttling plugin itself uses) has the same API.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
