import { siteContentScript } from '@/lib/content/site-script';
import { aircall } from '@/lib/sites/aircall';

export default siteContentScript(aircall);
