package com.bookstore.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's database writer endpoint, as RDS gives a cluster one: a TCP port on loopback that forwards
 * to whichever server is the writer now. The target port is read from a file ({@code ReplicaSet} writes it on
 * failover); when it changes, new connections go to the new writer and those still open to the old one are
 * closed, as a failover drops them on RDS, so that pools reconnect instead of writing to a demoted server.
 *
 * <p>{@code java … WriterEndpoint LISTEN_PORT TARGET_FILE}
 */
public final class WriterEndpoint implements AutoCloseable {

    /**
     * A platform thread per direction of a connection (a few dozen: the services' pools), not a virtual thread:
     * every database round trip is a blocking read here, and a virtual thread parks and is woken through the JDK's
     * poller for each of them. Measured under {@code benchmarks/checkout.sh}, the endpoint took ~7 % of the two cores
     * on virtual threads.
     */
    private static final ThreadFactory PUMPS =
            Thread.ofPlatform().daemon().name("writer-endpoint-", 0).factory();

    private final ServerSocket server;
    private final Path targetFile;
    private final Map<Socket, Integer> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    private volatile int target;

    public WriterEndpoint(int port, Path targetFile) throws IOException {
        this.targetFile = targetFile;
        this.target = readTarget();
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        watcher.scheduleWithFixedDelay(this::follow, 100, 100, TimeUnit.MILLISECONDS);
        PUMPS.newThread(this::accept).start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private int readTarget() throws IOException {
        return Integer.parseInt(Files.readString(targetFile).trim());
    }

    /** A new target: connections to the old one are cut. */
    private void follow() {
        try {
            int now = readTarget();
            if (now != target) {
                int old = target;
                target = now;
                open.forEach((socket, port) -> {
                    if (port == old) {
                        closeQuietly(socket);
                    }
                });
                System.err.println("writer endpoint: now forwarding to port " + now + " (was " + old + ")");
            }
        } catch (IOException | RuntimeException e) {
            // A file being rewritten: read it again on the next round.
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                int to = target;
                PUMPS.newThread(() -> connect(client, to)).start();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void connect(Socket client, int to) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), to), 2000);
        } catch (IOException e) {
            closeQuietly(client); // the writer is not there: the client sees the connection refused at once
            return;
        }
        open.put(client, to);
        open.put(upstream, to);
        Set<Socket> pair = Set.of(client, upstream);
        PUMPS.newThread(() -> pump(client, upstream, pair)).start();
        pump(upstream, client, pair);
    }

    private void pump(Socket from, Socket to, Set<Socket> pair) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away: so does the other.
        } finally {
            pair.forEach(socket -> {
                open.remove(socket);
                closeQuietly(socket);
            });
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closed already.
        }
    }

    @Override
    public void close() throws IOException {
        watcher.shutdownNow();
        server.close();
        open.keySet().forEach(WriterEndpoint::closeQuietly);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: WriterEndpoint LISTEN_PORT TARGET_FILE");
            System.exit(64);
        }
        WriterEndpoint endpoint = new WriterEndpoint(Integer.parseInt(args[0]), Path.of(args[1]));
        System.err.println("writer endpoint: 127.0.0.1:" + endpoint.port() + " → port " + endpoint.target);
        Thread.currentThread().join();
    }
}
