import { siteScript } from '@/lib/content/site-script';
import { ringcentral } from '@/lib/sites/ringcentral';

export default siteScript(ringcentral);
