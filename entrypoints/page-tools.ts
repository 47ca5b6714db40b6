import { pageTools } from '@/lib/content/page-tools';

// The voicemail overlay and Prepare button, injected by the background on demand.
export default pageTools;
