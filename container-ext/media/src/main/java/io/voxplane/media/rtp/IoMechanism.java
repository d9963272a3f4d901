package io.voxplane.media.rtp;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;

/**
 * The Netty I/O mechanism of the RTP event loops and its datagram channel type: native epoll on
 * Linux when its library loads, NIO everywhere else ({@link #best()}).
 */
public enum IoMechanism {
    EPOLL {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        DatagramChannel newDatagramChannel(SocketProtocolFamily family) {
            return new EpollDatagramChannel(family);
        }
    },
    NIO {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        DatagramChannel newDatagramChannel(SocketProtocolFamily family) {
            return new NioDatagramChannel(family);
        }
    };

    abstract IoHandlerFactory ioHandlerFactory();

    abstract DatagramChannel newDatagramChannel(SocketProtocolFamily family);

    /** Epoll when available here, else NIO. */
    public static IoMechanism best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }
}
