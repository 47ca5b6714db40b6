import { siteScript } from '@/lib/content/site-script';
import { linkedin } from '@/lib/sites/linkedin';

export default siteScript(linkedin);
