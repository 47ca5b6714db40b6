import { siteContentScript } from '@/lib/content/site-script';
import { justcall } from '@/lib/sites/justcall';

export default siteContentScript(justcall);
