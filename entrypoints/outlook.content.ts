import { siteContentScript } from '@/lib/content/site-script';
import { outlook } from '@/lib/sites/outlook';

export default siteContentScript(outlook);
