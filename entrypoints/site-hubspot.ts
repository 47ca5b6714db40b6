import { siteScript } from '@/lib/content/site-script';
import { hubspot } from '@/lib/sites/hubspot';

export default siteScript(hubspot);
