import { siteScript } from '@/lib/content/site-script';
import { pipedrive } from '@/lib/sites/pipedrive';

export default siteScript(pipedrive);
