package dev.parity.app.web;

import java.util.NoSuchElementException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

import dev.parity.app.security.CurrentUser;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.UserRole;

/**
 * What every console page shows (the migration's name, the user and their roles), and bad input or a
 * refused action as one sentence on an error page, never a stack trace.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@ConditionalOnWebApplication
class ConsoleAdvice {

	private final ParityConfig config;

	ConsoleAdvice(ParityConfig config) {
		this.config = config;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("migration", config.name());
		try {
			CurrentUser user = CurrentUser.get();
			model.addAttribute("user", user);
			model.addAttribute("operator", user.has(UserRole.OPERATOR));
			model.addAttribute("approver", user.has(UserRole.APPROVER));
		}
		catch (IllegalStateException ex) {
			// The login page: nobody yet.
		}
	}

	@ExceptionHandler(NoSuchElementException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NoSuchElementException ex, Model model) {
		return problem(model, "Not found", ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(IllegalArgumentException ex, Model model) {
		return problem(model, "That request cannot be served", ex.getMessage());
	}

	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException ex, Model model) {
		return problem(model, "That request cannot be served", BadParameters.sentence(ex));
	}

	@ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String missingParameter(org.springframework.web.bind.MissingServletRequestParameterException ex, Model model) {
		return problem(model, "That request cannot be served", ex.getParameterName() + " is required");
	}

	@ExceptionHandler(IllegalStateException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(IllegalStateException ex, Model model) {
		return problem(model, "That cannot be done now", ex.getMessage());
	}

	private String problem(Model model, String title, String message) {
		common(model);
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "problem";
	}

}
