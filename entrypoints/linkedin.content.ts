import { siteContentScript } from '@/lib/content/site-script';
import { linkedin } from '@/lib/sites/linkedin';

export default siteContentScript(linkedin);
