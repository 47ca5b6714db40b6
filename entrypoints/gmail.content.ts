import { siteContentScript } from '@/lib/content/site-script';
import { gmail } from '@/lib/sites/gmail';

export default siteContentScript(gmail);
