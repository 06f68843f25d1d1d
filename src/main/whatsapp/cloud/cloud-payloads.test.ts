import { describe, expect, it } from 'vitest';
import type { OutboundMedia } from '../transport';
import { messageBody } from './cloud-payloads';

const file = (type: OutboundMedia['type'], mimeType: string, name: string): OutboundMedia => ({ type, mimeType, name, data: Buffer.from('x') });

describe('what a Cloud number sends for a file', () => {
  it('sends a video by its media id with its caption, as a reply, carrying our id', () => {
    const body = messageBody('966512345678', { text: 'جولة في الشقة', media: file('video', 'video/mp4', 'tour.mp4'), quotedMessageId: 'wamid.Q', localId: 7 }, 'media-9');
    expect(body).toMatchObject({ messaging_product: 'whatsapp', to: '966512345678', type: 'video', video: { id: 'media-9', caption: 'جولة في الشقة' }, context: { message_id: 'wamid.Q' } });
    expect(body.biz_opaque_callback_data).toBeDefined();
  });

  it('sends a voice note by its media id without a caption, which WhatsApp would refuse on audio', () => {
    const body = messageBody('966512345678', { text: 'اسمع', media: file('audio', 'audio/ogg', 'voice.ogg') }, 'media-3');
    expect(body).toMatchObject({ type: 'audio', audio: { id: 'media-3' } });
    expect(body.audio).toEqual({ id: 'media-3' });
  });
});
