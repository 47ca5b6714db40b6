import { siteContentScript } from '@/lib/content/site-script';
import { zoho } from '@/lib/sites/zoho';

export default siteContentScript(zoho);
