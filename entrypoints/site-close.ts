import { siteScript } from '@/lib/content/site-script';
import { close } from '@/lib/sites/close';

export default siteScript(close);
