package dev.parity.app.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form (Spring Security handles the POST). */
@Controller
@ConditionalOnWebApplication
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
