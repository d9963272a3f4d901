/**
 * Voice codecs: G.711 mu-law/A-law following the G.711 tables (with the G.191 convention for
 * negative inputs) and G.722 at 64 kbit/s, bit-exact with ffmpeg's adpcm_g722 in both directions.
 * {@link io.voxplane.media.codec.AudioCodec} keeps the sampling rate apart from the RTP clock rate
 * (G.722: 16,000 Hz audio, 8,000 Hz RTP clock, RFC 3551 s4.5.2). Test vectors and how they were
 * made: {@code src/test/resources/io/voxplane/media/codec/vectors/README.md}.
 */
package io.voxplane.media.codec;
