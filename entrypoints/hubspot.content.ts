import { siteContentScript } from '@/lib/content/site-script';
import { hubspot } from '@/lib/sites/hubspot';

export default siteContentScript(hubspot);
