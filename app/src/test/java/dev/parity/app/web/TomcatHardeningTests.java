package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parity.app.ParityApplication;

/**
 * The real Tomcat of {@code serve} (not MockMvc): what it answers before Spring sees a request — a
 * malformed request line, a character not allowed in a URL — carries the console's security headers
 * and no Tomcat version; behind a TLS-terminating proxy on a trusted (loopback/private) address,
 * {@code X-Forwarded-Proto: https} makes answers carry HSTS, and a plain request does not. Raw sockets,
 * so that no client library repairs the request.
 */
@SpringBootTest(classes = { ParityApplication.class, ConsoleTest.Config.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TomcatHardeningTests {

	@LocalServerPort
	int port;

	@Test
	void tomcatsOwnBadRequestPagesCarryTheSecurityHeaders() throws Exception {
		for (String request : new String[] { "GET /a|b HTTP/1.1\r\nHost: x\r\n\r\n", "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",
				"NOT A REQUEST LINE\r\n\r\n" }) {
			String answer = raw(request);
			assertThat(answer).as(request).startsWith("HTTP/1.1 400");
			String headers = answer.substring(0, answer.indexOf("\r\n\r\n"));
			assertThat(headers).as(request)
				.contains("Content-Security-Policy: default-src 'self'; script-src 'self';")
				.contains("X-Content-Type-Options: nosniff")
				.contains("X-Frame-Options: DENY")
				.contains("Referrer-Policy: same-origin")
				.contains("Cache-Control: no-cache, no-store")
				.doesNotContain("Strict-Transport-Security");
			assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).as(request)
				.isEqualTo("400 Bad Request: the request is malformed (request line, URL or headers).\n")
				.doesNotContainIgnoringCase("tomcat");
		}
	}

	@Test
	void behindATlsProxyAnswersCarryHstsAndOnlyThen() throws Exception {
		String proxied = raw("GET /login HTTP/1.1\r\nHost: parity.example.org\r\nX-Forwarded-Proto: https\r\n"
				+ "X-Forwarded-For: 203.0.113.7\r\nConnection: close\r\n\r\n");
		assertThat(proxied).startsWith("HTTP/1.1 200").contains("Strict-Transport-Security: max-age=31536000 ; includeSubDomains");
		String plain = raw("GET /login HTTP/1.1\r\nHost: parity.example.org\r\nConnection: close\r\n\r\n");
		assertThat(plain).startsWith("HTTP/1.1 200").doesNotContain("Strict-Transport-Security");
		String badBehindProxy = raw("GET /a|b HTTP/1.1\r\nHost: x\r\nX-Forwarded-Proto: https\r\n\r\n");
		assertThat(badBehindProxy).startsWith("HTTP/1.1 400").contains("Content-Security-Policy");
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				answer.write(buffer, 0, n);
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

}
