package dev.parity.core.cutover;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free local port for tests: the webhook receiver and the Prometheus HTTP API.
 * Each request is kept (method, path and query, body); {@code answer} gives status and body.
 */
public final class LocalHttp implements AutoCloseable {

	/** One received request. */
	public record Request(String method, String uri, String body) {
	}

	/** What to answer. */
	public record Answer(int status, String body) {
	}

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	public LocalHttp(Function<Request, Answer> answer) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (HttpExchange exchange) -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body);
			requests.add(request);
			Answer a = answer.apply(request);
			byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
			exchange.close();
		});
		server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	public List<Request> requests() {
		return requests;
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
