import { siteScript } from '@/lib/content/site-script';
import { zoho } from '@/lib/sites/zoho';

export default siteScript(zoho);
