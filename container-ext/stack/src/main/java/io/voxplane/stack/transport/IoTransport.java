package io.voxplane.stack.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.nio.channels.spi.SelectorProvider;

/**
 * The Netty I/O mechanism an event loop group runs on, and the channel types that go with it.
 * {@link #select(boolean)} picks the best one the platform has: io_uring when enabled and
 * available, else epoll (Linux, native library loaded), else NIO (everywhere).
 */
public enum IoTransport {
    IO_URING {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return IoUringIoHandler.newFactory();
        }

        @Override
        DatagramChannel newDatagramChannel(SocketProtocolFamily family) {
            return new IoUringDatagramChannel(family);
        }

        @Override
        ServerSocketChannel newServerSocketChannel(SocketProtocolFamily family) {
            return new IoUringServerSocketChannel();
        }

        @Override
        SocketChannel newSocketChannel(SocketProtocolFamily family) {
            return new IoUringSocketChannel();
        }
    },
    EPOLL {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        DatagramChannel newDatagramChannel(SocketProtocolFamily family) {
            return new EpollDatagramChannel(family);
        }

        @Override
        ServerSocketChannel newServerSocketChannel(SocketProtocolFamily family) {
            return new EpollServerSocketChannel(family);
        }

        @Override
        SocketChannel newSocketChannel(SocketProtocolFamily family) {
            return new EpollSocketChannel(family);
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

        @Override
        ServerSocketChannel newServerSocketChannel(SocketProtocolFamily family) {
            return new NioServerSocketChannel(SelectorProvider.provider(), family);
        }

        @Override
        SocketChannel newSocketChannel(SocketProtocolFamily family) {
            return new NioSocketChannel(SelectorProvider.provider(), family);
        }
    };

    abstract IoHandlerFactory ioHandlerFactory();

    abstract DatagramChannel newDatagramChannel(SocketProtocolFamily family);

    abstract ServerSocketChannel newServerSocketChannel(SocketProtocolFamily family);

    abstract SocketChannel newSocketChannel(SocketProtocolFamily family);

    /** The best mechanism available here; io_uring only when {@code ioUringEnabled}. */
    public static IoTransport select(boolean ioUringEnabled) {
        if (ioUringEnabled && IoUring.isAvailable()) {
            return IO_URING;
        }
        if (Epoll.isAvailable()) {
            return EPOLL;
        }
        return NIO;
    }
}
