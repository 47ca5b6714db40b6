import { siteScript } from '@/lib/content/site-script';
import { gmail } from '@/lib/sites/gmail';

export default siteScript(gmail);
