package dev.parity.app.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a request parameter holding a control character (a NUL byte from {@code ?table=%00}, which
 * PostgreSQL cannot even store in text) before any handler runs: an {@link IllegalArgumentException}
 * naming the parameter, which the page's or the API's own advice answers as a 400 in that page's format
 * (the problem page, or {@code {"error": …}}). Tab, line feed and carriage return are allowed (a reason
 * may hold lines).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RequestParameterGuard implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			return true;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			for (String value : parameter.getValue()) {
				int bad = value.chars().filter((c) -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f).findFirst().orElse(-1);
				if (bad >= 0) {
					throw new IllegalArgumentException("parameter '" + printable(parameter.getKey()) + "' contains the control character U+"
							+ String.format("%04X", bad) + ", which no filter or value can hold; remove it");
				}
			}
		}
		return true;
	}

	private static String printable(String name) {
		return name.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
