package dev.parity.app.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.parity.core.config.UserRole;

/**
 * Who is making the current request (console page or REST API), for audit entries and role-aware
 * pages. Reusable from any request thread:
 *
 * <pre>
 * CurrentUser user = CurrentUser.get();          // e.g. alice [VIEWER, OPERATOR]
 * audit.record(user.actor(), "CUTOVER_ADVANCE", ...);   // actor "console:alice"
 * if (!user.has(UserRole.APPROVER)) { ... }
 * </pre>
 *
 * Under {@code serve --insecure-local} (no users configured) the user is {@code local}, holding every role.
 *
 * @param name the login name
 * @param roles the roles held; VIEWER always
 */
public record CurrentUser(String name, Set<UserRole> roles) {

	/** The authority prefix Spring Security's {@code hasRole} expects. */
	static final String ROLE_PREFIX = "ROLE_";

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	/**
	 * The user of the current request.
	 * @throws IllegalStateException outside a request that passed Parity's security filter
	 */
	public static CurrentUser get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			throw new IllegalStateException("no user is authenticated on this thread");
		}
		Set<UserRole> roles = EnumSet.noneOf(UserRole.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			for (UserRole role : UserRole.values()) {
				if ((ROLE_PREFIX + role.name()).equals(name)) {
					roles.add(role);
				}
			}
		}
		return new CurrentUser(authentication.getName(), roles);
	}

	public boolean has(UserRole role) {
		return roles.contains(role);
	}

	/** The audit log's actor for this user: {@code console:NAME} (pages and REST API alike). */
	public String actor() {
		return "console:" + name;
	}

}
