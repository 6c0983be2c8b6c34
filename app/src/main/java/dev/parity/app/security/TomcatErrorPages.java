package dev.parity.app.security;

import java.io.IOException;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers some requests itself, before Spring sees them — a malformed request line, a character
 * not allowed in a URL — with its own error page, which carries none of the headers of
 * {@link SecurityConfiguration}. This replaces Tomcat's error report with one that does: the same
 * Content-Security-Policy, frame denial, no sniffing, same-origin referrers, no caching (and HSTS over
 * TLS), and a one-line plain-text body without Tomcat's version.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class TomcatErrorPages {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> secureTomcatErrorReport() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			Host host = (Host) context.getParent();
			// The host adds its error report valve on start unless one of the configured class is present.
			((StandardHost) host).setErrorReportValveClass(SecureErrorReportValve.class.getName());
			host.getPipeline().addValve(new SecureErrorReportValve());
		});
	}

	/** Tomcat's error report, with Parity's security headers and a plain one-line body. */
	public static class SecureErrorReportValve extends ErrorReportValve {

		public SecureErrorReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
				return;
			}
			response.setHeader("Content-Security-Policy", SecurityConfiguration.CSP);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Referrer-Policy", "same-origin");
			response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
			if (request.isSecure()) {
				response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
			}
			try {
				response.setContentType("text/plain");
				response.setCharacterEncoding("UTF-8");
				response.getWriter().print(status == 400 ? "400 Bad Request: the request is malformed (request line, URL or headers).\n"
						: "HTTP status " + status + "\n");
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone; nothing more to say
			}
		}

	}

}
