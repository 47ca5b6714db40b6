import { siteScript } from '@/lib/content/site-script';
import { dialpad } from '@/lib/sites/dialpad';

export default siteScript(dialpad);
