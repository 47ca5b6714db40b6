import { siteScript } from '@/lib/content/site-script';
import { salesforce } from '@/lib/sites/salesforce';

export default siteScript(salesforce);
