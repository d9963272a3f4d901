/**
 * Media sessions and media functions on top of the RTP sockets of {@code io.voxplane.media.rtp}.
 *
 * <p>{@link io.voxplane.media.session.MediaTransport} owns the event loops (from a caller's
 * {@link java.util.concurrent.ThreadFactory}), the port range and the conference rooms;
 * {@link io.voxplane.media.session.MediaSession} is one call's stream, configured with the
 * offer/answer result ({@link io.voxplane.media.session.MediaParameters}) and running one media
 * function at a time: echo, prompt (WAV), record (WAV), digit collection (RFC 4733) or a
 * {@link io.voxplane.media.session.ConferenceRoom}. Events leave through a
 * {@link io.voxplane.media.session.MediaSessionListener}. Timers run on an injected
 * {@link java.util.concurrent.ScheduledExecutorService} and {@link io.voxplane.media.NanoClock}.
 * Errors are {@link io.voxplane.media.MediaException}s with a {@code VXMED-nnn} code.
 */
package io.voxplane.media.session;
