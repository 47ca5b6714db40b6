import { siteScript } from '@/lib/content/site-script';
import { demo } from '@/lib/sites/demo';

// Built only with `--mode demo` (see wxt.config.ts): production never matches localhost.
export default siteScript(demo);
