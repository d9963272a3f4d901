/**
 * RTP and RTCP (RFC 3550): {@link io.voxplane.media.rtp.RtpPacket} is a zero-copy view over a
 * caller-owned buffer whose {@code wrap} returns an {@link io.voxplane.media.rtp.RtpError} instead
 * of throwing; {@link io.voxplane.media.rtp.RtpSourceStatistics} combines sequence validation
 * (A.1), loss (A.3) and jitter (A.8) into report blocks; {@link io.voxplane.media.rtp.RtcpCodec}
 * reads and writes compound RTCP; {@link io.voxplane.media.rtp.SymmetricRtpLatch} and
 * {@link io.voxplane.media.rtp.InactivityMonitor} help with NAT and dead peers.
 *
 * <p>Sockets: {@link io.voxplane.media.rtp.RtpTransport} runs one Netty event loop group (epoll or
 * NIO, {@link io.voxplane.media.rtp.IoMechanism}) from a caller's thread factory and binds
 * {@link io.voxplane.media.rtp.RtpEndpoint}s, an RTP and an RTCP socket each, on port pairs from
 * an {@link io.voxplane.media.rtp.RtpPortAllocator}.
 */
package io.voxplane.media.rtp;
