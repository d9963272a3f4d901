/**
 * RTP and RTCP (RFC 3550): {@link io.voxplane.media.rtp.RtpPacket} is a zero-copy view over a
 * caller-owned buffer whose {@code wrap} returns an {@link io.voxplane.media.rtp.RtpError} instead
 * of throwing; {@link io.voxplane.media.rtp.RtpSourceStatistics} combines sequence validation
 * (A.1), loss (A.3) and jitter (A.8) into report blocks; {@link io.voxplane.media.rtp.RtcpCodec}
 * reads and writes compound RTCP; {@link io.voxplane.media.rtp.SymmetricRtpLatch} and
 * {@link io.voxplane.media.rtp.InactivityMonitor} help with NAT and dead peers. Sockets come later.
 */
package io.voxplane.media.rtp;
