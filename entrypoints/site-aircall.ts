import { siteScript } from '@/lib/content/site-script';
import { aircall } from '@/lib/sites/aircall';

export default siteScript(aircall);
