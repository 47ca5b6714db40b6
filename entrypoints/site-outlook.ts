import { siteScript } from '@/lib/content/site-script';
import { outlook } from '@/lib/sites/outlook';

export default siteScript(outlook);
