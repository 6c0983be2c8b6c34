package dev.parity.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.UserRole;

/**
 * Who may do what on the console and the REST API (see the README's "Roles" table).
 *
 * <ul>
 * <li>Pages: form login, session cookie, CSRF on. GET needs VIEWER (every user has it); every POST
 * needs OPERATOR, except generating a report (OPERATOR or APPROVER) and signing one off (APPROVER).
 * Anonymous requests are redirected to {@code /login}.</li>
 * <li>{@code /api/**}: HTTP basic on every request, no session, no CSRF (no cookie is ever sent
 * to a script); the same rules; anonymous requests get 401. The cutover paths of issue #11 are covered
 * already: {@code GET /api/cutover} needs any user (a router polls it with a VIEWER machine account),
 * {@code POST /api/cutover/**} and {@code POST /api/metrics} need OPERATOR.</li>
 * <li>Secure headers: a strict Content-Security-Policy (everything from the jar, nothing inline),
 * frame denial, no sniffing, same-origin referrers, no caching of pages.</li>
 * <li>{@code serve --insecure-local} ({@value #INSECURE_LOCAL}=true; no users configured, bound to
 * 127.0.0.1): no login; every request acts as the user {@code local} with every role.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

	/** Set by {@code serve --insecure-local}. */
	public static final String INSECURE_LOCAL = "parity.console.insecure-local";

	static final String LOCAL_USER = "local";

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	private static final String OPERATOR = UserRole.OPERATOR.name();

	private static final String APPROVER = UserRole.APPROVER.name();

	private static final String VIEWER = UserRole.VIEWER.name();

	@Bean
	InMemoryUserDetailsManager parityUserDetails(ParityConfig config) {
		return ParityUsers.of(config);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, Environment environment) throws Exception {
		// Prometheus scrapes like an API client: HTTP basic with a VIEWER machine account.
		http.securityMatcher("/api/**", "/actuator/prometheus")
			.authorizeHttpRequests((requests) -> roleRules(requests
				.requestMatchers(HttpMethod.GET, "/api/cutover", "/actuator/prometheus")
				.hasRole(VIEWER)
				.requestMatchers(HttpMethod.POST, "/api/cutover/**", "/api/metrics")
				.hasRole(OPERATOR), "/api"))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		return build(http, environment, (secured) -> secured.httpBasic(Customizer.withDefaults()));
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, Environment environment) throws Exception {
		http.authorizeHttpRequests((requests) -> pageRules(requests));
		return build(http, environment, (secured) -> secured.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout")));
	}

	/** The chain with {@code login} (form or basic), or without login under --insecure-local; secure headers. */
	private static SecurityFilterChain build(HttpSecurity http, Environment environment, LoginSetup login) throws Exception {
		if (insecureLocal(environment)) {
			anonymousLocal(http);
		}
		else {
			login.apply(http);
		}
		return headers(http).build();
	}

	@FunctionalInterface
	private interface LoginSetup {

		void apply(HttpSecurity http) throws Exception;

	}

	private static void pageRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		roleRules(requests.requestMatchers("/login", "/error", "/console.css", "/console.js", "/favicon.svg",
				"/webjars/**", "/actuator/health")
			.permitAll(), "");
	}

	/**
	 * The rules pages and API share under {@code prefix}: signing off a report needs APPROVER, generating
	 * one OPERATOR or APPROVER, reading VIEWER, any other request (every change) OPERATOR.
	 */
	private static void roleRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			String prefix) {
		requests.requestMatchers(HttpMethod.POST, prefix + "/reports/*/sign-off")
			.hasRole(APPROVER)
			.requestMatchers(HttpMethod.POST, prefix + "/reports")
			.hasAnyRole(OPERATOR, APPROVER)
			.requestMatchers(HttpMethod.GET, prefix + "/**")
			.hasRole(VIEWER)
			.anyRequest()
			.hasRole(OPERATOR);
	}

	private static HttpSecurity headers(HttpSecurity http) throws Exception {
		return http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frames) -> frames.deny()));
	}

	// No login: the anonymous token is the user "local" with every role, so the same role rules apply.
	private static void anonymousLocal(HttpSecurity http) throws Exception {
		http.anonymous((anonymous) -> anonymous.principal(LOCAL_USER)
			.authorities(CurrentUser.ROLE_PREFIX + VIEWER, CurrentUser.ROLE_PREFIX + OPERATOR,
					CurrentUser.ROLE_PREFIX + APPROVER));
	}

	static boolean insecureLocal(Environment environment) {
		return environment.getProperty(INSECURE_LOCAL, Boolean.class, false);
	}

}
