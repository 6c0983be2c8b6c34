package dev.parity.app.api;

import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * API errors as {@code {"error": "one sentence"}}: 400 bad input, 404 no such thing, 409 not possible
 * now (e.g. the job is already running). Never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@ConditionalOnWebApplication
class ApiErrors {

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return error(HttpStatus.BAD_REQUEST, ex);
	}

	@ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(org.springframework.http.converter.HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "the request body is not the JSON this endpoint expects (see /api/docs)"));
	}

	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, String>> badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", dev.parity.app.web.BadParameters.sentence(ex)));
	}

	@ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, String>> missingParameter(org.springframework.web.bind.MissingServletRequestParameterException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getParameterName() + " is required"));
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<Map<String, String>> notFound(NoSuchElementException ex) {
		return error(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler(IllegalStateException.class)
	ResponseEntity<Map<String, String>> conflict(IllegalStateException ex) {
		return error(HttpStatus.CONFLICT, ex);
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, RuntimeException ex) {
		return ResponseEntity.status(status).body(Map.of("error", String.valueOf(ex.getMessage())));
	}

}
