/**
 * Voxplane's media plane core: plain Java (no Jakarta), Netty for the RTP sockets only, no
 * threads of its own (event loops come from a caller's thread factory, timers from a caller's
 * scheduler).
 *
 * <ul>
 *   <li>{@code rtp} - RTP packet views and writer (RFC 3550 s5), sequence/loss/jitter statistics
 *       (Appendix A), RTCP compound packets (s6), symmetric RTP latching, inactivity;</li>
 *   <li>{@code codec} - G.711 (PCMU/PCMA) and G.722 encoders/decoders behind
 *       {@link io.voxplane.media.codec.AudioCodec};</li>
 *   <li>{@code jitter} - adaptive jitter buffer with packet-loss concealment;</li>
 *   <li>{@code quality} - ITU-T G.107 E-model (R factor, MOS);</li>
 *   <li>{@code dtmf} - RFC 4733 telephone-events;</li>
 *   <li>{@code wav} - WAV prompts and recordings;</li>
 *   <li>{@code mix} - conference mixing;</li>
 *   <li>{@code session} - media sessions and functions (echo, prompt, record, digit collection,
 *       conference) over the RTP sockets of {@code rtp}.</li>
 * </ul>
 *
 * <p>Everything that measures time takes a {@link io.voxplane.media.NanoClock}, so tests run on
 * virtual time. Per-stream objects are not thread-safe: a stream is owned by one event loop.
 */
package io.voxplane.media;
