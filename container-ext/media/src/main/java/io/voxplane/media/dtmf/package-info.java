/** DTMF as RFC 4733 telephone-events: payload codec, sender packet sequence, once-per-event receiver. */
package io.voxplane.media.dtmf;
