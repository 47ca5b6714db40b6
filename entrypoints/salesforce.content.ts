import { siteContentScript } from '@/lib/content/site-script';
import { salesforce } from '@/lib/sites/salesforce';

export default siteContentScript(salesforce);
