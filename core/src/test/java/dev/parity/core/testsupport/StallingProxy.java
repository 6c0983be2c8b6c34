package dev.parity.core.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local TCP proxy in front of a real database server, for tests of a network that stops answering:
 * after {@link #stallAfter(long)} it forwards that many more bytes from the server, then forwards
 * nothing more in either direction — without closing anything — until {@link #recover()}.
 */
public final class StallingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String host;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);

	private final Object gate = new Object();

	private volatile boolean stalled;

	private volatile boolean hasStalled;

	private volatile boolean closed;

	/** A proxy for the host and port of {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db...}). */
	public StallingProxy(String jdbcUrl) throws IOException {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		this.host = uri.getHost();
		this.port = uri.getPort();
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofPlatform().daemon(true).name("stalling-proxy-" + server.getLocalPort()).start(this::accept);
	}

	/** {@code jdbcUrl} pointed at this proxy instead of the server. */
	public String url(String jdbcUrl) {
		return jdbcUrl.replaceFirst("//[^/:]+:\\d+", "//127.0.0.1:" + server.getLocalPort());
	}

	/** From now on, forward {@code bytes} more bytes from the server, then stall. */
	public void stallAfter(long bytes) {
		hasStalled = false;
		budget.set(bytes);
	}

	/** Whether the stall came since {@link #stallAfter(long)} (recovered or not). */
	public boolean stalled() {
		return hasStalled;
	}

	/** The network answers again: stalled bytes flow on, and new bytes pass without limit. */
	public void recover() {
		budget.set(Long.MAX_VALUE);
		synchronized (gate) {
			stalled = false;
			gate.notifyAll();
		}
	}

	private void accept() {
		while (!closed) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket(host, port);
				sockets.add(client);
				sockets.add(upstream);
				pump(client.getInputStream(), upstream.getOutputStream(), false, client, upstream);
				pump(upstream.getInputStream(), client.getOutputStream(), true, client, upstream);
			}
			catch (IOException ex) {
				// closed, or the server refused: the client sees its connection fail
			}
		}
	}

	private void pump(InputStream in, OutputStream out, boolean fromServer, Socket client, Socket upstream) {
		Thread.ofPlatform().daemon(true).start(() -> {
			byte[] buffer = new byte[8192];
			try {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					int pass = n;
					if (fromServer) {
						long left = budget.getAndAccumulate(n, (b, used) -> b == Long.MAX_VALUE ? b : Math.max(0, b - used));
						pass = (int) Math.min(n, left);
					}
					awaitRecovery(!fromServer);
					out.write(buffer, 0, pass);
					out.flush();
					if (pass < n) {
						synchronized (gate) {
							stalled = true;
							hasStalled = true;
						}
						awaitRecovery(true);
						out.write(buffer, pass, n - pass);
						out.flush();
					}
				}
			}
			catch (IOException | InterruptedException ex) {
				// one side closed
			}
			finally {
				close(client);
				close(upstream);
			}
		});
	}

	private void awaitRecovery(boolean always) throws InterruptedException {
		synchronized (gate) {
			while (stalled && always) {
				gate.wait();
			}
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		closed = true;
		recover();
		server.close();
		sockets.forEach(StallingProxy::close);
	}

}
