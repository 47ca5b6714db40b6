import { siteScript } from '@/lib/content/site-script';
import { justcall } from '@/lib/sites/justcall';

export default siteScript(justcall);
